package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One in-JVM run of the command line: exit code and what it printed to standard output and error. */
record CliRun(int code, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code Cli.run} with {@code prefix} (subcommand and fixed options) followed by {@code args}. */
    static CliRun of(List<String> prefix, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(args));
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Standard output as JSON Lines. */
    List<JsonNode> json() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
