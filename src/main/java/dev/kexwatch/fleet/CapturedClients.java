package dev.kexwatch.fleet;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code captured_client}: every replica's listener adds rows, every replica reads them all. */
@ApplicationScoped
public class CapturedClients {

    private static final Sort NEWEST_FIRST = Sort.descending("capturedAt", "id");

    /** Stores one capture; returns it with its id. */
    @Transactional
    public CapturedClient add(CapturedClient client) {
        CapturedClientEntity row = CapturedClientEntity.of(client);
        row.persist();
        return row.toValue();
    }

    /** One page, newest first. */
    @Transactional
    public List<CapturedClient> page(int page, int size) {
        return CapturedClientEntity.<CapturedClientEntity>findAll(NEWEST_FIRST).page(Page.of(page, size)).list()
                .stream().map(CapturedClientEntity::toValue).toList();
    }

    @Transactional
    public long count() {
        return CapturedClientEntity.count();
    }

    @Transactional
    public Optional<CapturedClient> find(long id) {
        return CapturedClientEntity.<CapturedClientEntity>findByIdOptional(id).map(CapturedClientEntity::toValue);
    }

    @Transactional
    public boolean delete(long id) {
        return CapturedClientEntity.deleteById(id);
    }

    /**
     * Keeps the newest {@code keep} captures and deletes the rest, so a client that reconnects in a loop cannot
     * fill the database; returns how many were deleted.
     */
    @Transactional
    public long keepNewest(int keep) {
        List<Long> oldest = CapturedClientEntity.<CapturedClientEntity>findAll(NEWEST_FIRST)
                .page(Page.of(1, keep)).project(IdOnly.class).stream().map(IdOnly::id).toList();
        return oldest.isEmpty() ? 0 : CapturedClientEntity.delete("id in ?1", oldest);
    }

    /** Just the id, for deleting by id. */
    record IdOnly(Long id) {
    }
}
