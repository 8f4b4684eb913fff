package dev.kexwatch.fleet;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The change counters of the state replicas share through the database (table {@code shared_generation}). A
 * writer bumps its kind's counter in the transaction of its change; every replica compares the counter with the
 * one it loaded ({@code kexwatch.shared.poll-every}) and reloads when it moved. A counter never goes back, so
 * "different" means "newer".
 */
@ApplicationScoped
public class Generations {

    /** What a counter counts. */
    public enum Kind {
        /** Policies in force (table policy_document). */
        policies,
        /** Client profiles added over REST (table client_profile). */
        profiles,
        /** Stored results as reports see them: scans ended, hosts judged again, inventory edited. */
        results
    }

    @Inject
    EntityManager em;

    /** The counter now, in its own read (or the caller's transaction, when there is one). */
    public long current(Kind kind) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em
                .createNativeQuery("select generation from shared_generation where name = :name")
                .setParameter("name", kind.name()).getSingleResult()).longValue());
    }

    /** The sum of all counters: changes whenever any kind of shared state changed. */
    public long any() {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) em
                .createNativeQuery("select sum(generation) from shared_generation").getSingleResult()).longValue());
    }

    /**
     * Counts a change, in the caller's transaction when there is one (so the change and its count commit
     * together), else in a transaction of its own. The row lock also orders concurrent changes of one kind.
     */
    public long bump(Kind kind) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            em.createNativeQuery("update shared_generation set generation = generation + 1 where name = :name")
                    .setParameter("name", kind.name()).executeUpdate();
            return current(kind);
        });
    }
}
