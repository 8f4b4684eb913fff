package dev.kexwatch.inventory;

import java.util.List;

/** An inventory that cannot be imported; each error names where it is and what is wrong. */
public class InventoryException extends RuntimeException {

    private final List<String> errors;

    public InventoryException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
