package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns offers: a fleet has few distinct offers, so the id of a known one comes from memory and a scan of
 * 100,000 hosts does not look up 100,000 offers. Only offers read back from the database are remembered,
 * never one inserted by a transaction that might still roll back.
 */
@ApplicationScoped
public class OfferStore {

    private static final int MAX_REMEMBERED = 100_000;

    private final Map<ByteBuffer, Long> ids = new ConcurrentHashMap<>();

    /**
     * Forgets every remembered id. For a transaction that failed: an offer it inserted and then read back (a second
     * host with the same offer in one batch) was remembered, but rolled back with it.
     */
    void forget() {
        ids.clear();
    }

    /** The id of the stored offer equal to this one, storing it now if it is new. Needs a transaction. */
    long intern(ServerOffer offer) {
        ByteBuffer digest = ByteBuffer.wrap(StoredOffer.digest(offer));
        Long known = ids.get(digest);
        if (known != null) {
            return known;
        }
        return StoredOffer.<StoredOffer>find("sha256", (Object) digest.array()).firstResultOptional().map(stored -> {
            if (ids.size() >= MAX_REMEMBERED) {
                ids.clear();
            }
            ids.put(digest, stored.id);
            return stored.id;
        }).orElseGet(() -> StoredOffer.create(offer, digest.array()).id);
    }
}
