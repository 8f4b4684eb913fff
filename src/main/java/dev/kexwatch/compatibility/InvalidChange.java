package dev.kexwatch.compatibility;

/** A what-if request whose content cannot be applied: names the field and says why (answered with 422). */
public final class InvalidChange extends RuntimeException {

    private final String field;

    public InvalidChange(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
