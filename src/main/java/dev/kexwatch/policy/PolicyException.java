package dev.kexwatch.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy that cannot be used. The message lists every problem found in the file, one per line, each as
 * {@code file:line:column: message}; {@link #problems()} gives them as values for REST and metrics.
 */
public class PolicyException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyException(String message) {
        super(message);
        this.problems = List.of();
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order; empty when the exception was not about a file's content. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
