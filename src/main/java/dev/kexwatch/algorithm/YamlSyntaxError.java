package dev.kexwatch.algorithm;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Where and why SnakeYAML refused a document, read the same way for every YAML file kexwatch takes (policies,
 * client profiles, inventories): 1-based line and column, the problem then its context.
 *
 * @param located false when SnakeYAML gave no position (a loader limit, an unreadable character): then 1:1
 */
public record YamlSyntaxError(int line, int column, String message, boolean located) {

    public static YamlSyntaxError of(YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new YamlSyntaxError(line(mark), column(mark), marked.getProblem() + context, mark != null);
        }
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new YamlSyntaxError(1, 1, first, false);
    }

    /** SnakeYAML marks are 0-based; editors and people count from 1. No mark is the start of the file. */
    public static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 1;
    }

    public static int column(Mark mark) {
        return mark == null ? 1 : mark.getColumn() + 1;
    }
}
