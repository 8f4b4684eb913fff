package dev.kexwatch.testsupport;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;

/** When PostgreSQL last analyzed a table of the service's schema (never: {@link Instant#MIN}). */
public final class PlannerStats {

    private PlannerStats() {
    }

    public static Instant lastAnalyze(String table) {
        // A new transaction each time: PostgreSQL caches statistics views for the rest of a transaction.
        Object value = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                "select last_analyze from pg_stat_user_tables where schemaname = current_schema() and relname = ?1")
                .setParameter(1, table).getSingleResult());
        return value == null ? Instant.MIN : (Instant) value;
    }
}
