package dev.kexwatch.negotiation;

/** A client profile file that cannot be used, with where the problem is: file, line and column (1-based). */
public final class ProfileFormatException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;

    public ProfileFormatException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
