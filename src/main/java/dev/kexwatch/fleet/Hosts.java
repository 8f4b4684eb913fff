package dev.kexwatch.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every statement on table {@code host}; each runs in the caller's transaction. */
@ApplicationScoped
public class Hosts {

    /** A host as an import writes it. */
    public record Entry(String address, int port, Map<String, String> labels, boolean enabled) {
    }

    /** What an import did: hosts added, and known hosts given the entry's labels and enabled flag. */
    public record Written(int added, int updated) {
    }

    public Optional<Host> find(long id) {
        return Host.findByIdOptional(id);
    }

    /** Those of these hosts that still exist. */
    public List<Host> existing(List<Long> ids) {
        return Host.list("id in ?1", ids);
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

    /** A page of all hosts (enabled or not) carrying every label of the selector, in id order. */
    public List<Host> withLabels(Map<String, String> selector, int page, int size) {
        Labels.planPerSelector(Host.getEntityManager());
        return Host.listAll(selector, page, size);
    }

    public long countWithLabels(Map<String, String> selector) {
        return Host.countAll(selector);
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
