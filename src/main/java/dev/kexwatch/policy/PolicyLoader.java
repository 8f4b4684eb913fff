package dev.kexwatch.policy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import dev.kexwatch.algorithm.YamlSyntaxError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads policies from YAML (language: {@code policies/README.md}). A broken policy throws {@link PolicyException}
 * listing every problem with file, line and column: YAML syntax, unknown keys, bad globs, unknown categories, bad
 * severities, bad dates and the like. Nothing here installs a policy; callers keep the last good one on error.
 */
public final class PolicyLoader {

    /** One policy file. */
    public Policy load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read policy file: " + e.getMessage(), e);
        }
    }

    /** Every {@code *.yaml} and {@code *.yml} file in a directory, in file-name order; all problems of all files. */
    public List<Policy> loadDirectory(Path dir) {
        List<Policy> policies = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (Path file : policyFiles(dir)) {
            try {
                policies.add(load(file));
            } catch (PolicyException e) {
                problems.addAll(e.problems().isEmpty() ? List.of(new PolicyProblem(file.toString(), 1, 1, e.getMessage()))
                        : e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return policies;
    }

    /** A policy given as text, e.g. posted over REST for a dry run; {@code sourceName} appears in messages. */
    public Policy parse(String yaml, String sourceName) {
        Problems problems = new Problems(sourceName);
        Node root = compose(yaml, problems);
        if (root == null) {
            throw new PolicyException(problems.sorted());
        }
        return new PolicyParser(sourceName, problems).parse(root)
                .orElseThrow(() -> new PolicyException(problems.sorted()));
    }

    private static Node compose(String yaml, Problems problems) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
            if (root == null) {
                problems.at((Mark) null, "empty policy: expected id, version, title and rules");
            }
            return root;
        } catch (YAMLException e) {
            YamlSyntaxError error = YamlSyntaxError.of(e);
            problems.at(error.line(), error.column(), "YAML syntax: " + error.message());
            return null;
        }
    }

    private static List<Path> policyFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list policy directory " + dir, e);
        }
    }
}
