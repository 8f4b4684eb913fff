package dev.kexwatch.fleet;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that refused some data from one that went away. A refusal of the data (SQLState class 22
 * data exception, 23 integrity constraint, 54 program limit such as a too-large value) fails again on every
 * try, so retrying it would only hold up every later result; anything else (connection lost, shutdown,
 * serialization, pool exhausted) may pass by itself and is waited out.
 */
final class StoreFailure {

    private static final Set<String> DATA_CLASSES = Set.of("22", "23", "54");

    private StoreFailure() {
    }

    /** The SQL exception that says the data was refused, when that is what happened. */
    static Optional<SQLException> refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && DATA_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}
