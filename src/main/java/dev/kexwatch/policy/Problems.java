package dev.kexwatch.policy;

import dev.kexwatch.algorithm.YamlSyntaxError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one file, so a user fixes them in one go rather than one per run. */
final class Problems {

    private final String file;
    private final List<PolicyProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        at(YamlSyntaxError.line(mark), YamlSyntaxError.column(mark), message);
    }

    void at(int line, int column, String message) {
        list.add(new PolicyProblem(file, line, column, message));
    }

    int count() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<PolicyProblem> sorted() {
        return list.stream().sorted(Comparator.comparingInt(PolicyProblem::line)
                .thenComparingInt(PolicyProblem::column)).toList();
    }
}
