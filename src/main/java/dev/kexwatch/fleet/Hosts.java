package dev.kexwatch.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.jpa.HibernateHints;

/**
 * Every statement on table {@code host}; each runs in the caller's transaction (a cached count's refresh in one of
 * its own).
 */
@ApplicationScoped
public class Hosts {

    @Inject
    ReadCache cache;

    /** A host as an import writes it. */
    public record Entry(String address, int port, Map<String, String> labels, boolean enabled) {
    }

    /** What an import did: hosts added, and known hosts given the entry's labels and enabled flag. */
    public record Written(int added, int updated) {
    }

    public Optional<Host> find(long id) {
        return Host.findByIdOptional(id);
    }

    /** Those of these hosts that still exist, read only (see {@link #withLabels}). */
    public List<Host> existing(List<Long> ids) {
        return Host.<Host>find("id in ?1", ids).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    public Optional<Host> findByAddress(String address, int port) {
        return Host.findByAddress(address, port);
    }

    /** Stores a new host. */
    public Host add(Entry entry, Instant at) {
        Host host = new Host();
        host.address = entry.address();
        host.port = entry.port();
        host.labels = new HashMap<>(entry.labels());
        host.enabled = entry.enabled();
        host.createdAt = at;
        host.persist();
        return host;
    }

    public boolean delete(long id) {
        return Host.deleteById(id);
    }

    /**
     * A page of all hosts (enabled or not) carrying every label of the selector, in id order; read only: a managed
     * host keeps a deep copy of its labels (a JSON round trip) to compare at commit, which lists never change.
     */
    public List<Host> withLabels(Map<String, String> selector, int page, int size) {
        Labels.planPerSelector(Host.getEntityManager());
        return Host.listAll(selector, page, size);
    }

    /** Kept until the inventory changes (any replica's change moves the shared generation). */
    public long countWithLabels(Map<String, String> selector) {
        Map<String, String> labels = new TreeMap<>(selector);
        return cache.get("inventory " + labels, () -> Host.countAll(labels));
    }

    /** Adds new hosts and updates known ones in JDBC batches (see {@link HostUpserts}). */
    public Written upsert(List<Entry> entries, Instant at) {
        Host.flush(); // the batch below bypasses Hibernate: nothing of it may be pending
        return Host.getSession().doReturningWork(connection -> HostUpserts.write(connection, entries, at));
    }

    /** Up to {@code limit} hosts with a stored status and an id above {@code after}, in id order. */
    public List<Host> judgedAfter(long after, int limit) {
        return Host.<Host>find("id > ?1 and id in (select s.hostId from HostStatus s) order by id", after)
                .page(0, limit).list();
    }
}
