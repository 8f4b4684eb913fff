package dev.kexwatch.policy;

/**
 * One thing wrong in a policy file, where an editor can jump to it.
 *
 * @param file the file name (or the name given to a posted policy)
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong, in plain words
 */
public record PolicyProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
