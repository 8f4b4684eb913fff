package dev.kexwatch.fleet;

import dev.kexwatch.fleet.ResultStore.Probed;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ServerText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Stores results so that one host's data can never hold up the others: a batch the database refuses as data
 * (see {@link StoreFailure}) is stored host by host, and a host whose result is refused gets a PROTOCOL_ERROR
 * result naming the refusal instead. Only an outage escapes, for the caller to wait out.
 */
@ApplicationScoped
public class RefusalTolerantStore {

    private static final Logger LOG = Logger.getLogger(RefusalTolerantStore.class);
    private static final int MAX_REASON = 300;

    @Inject
    ResultStore store;

    /**
     * Stores the results in {@code left}, removing each once it is stored, so a call that failed on an outage
     * can be repeated with what is left and stores nothing twice.
     */
    public void store(long scanId, List<Probed> left) {
        try {
            store.store(scanId, left);
            left.clear();
            return;
        } catch (RuntimeException e) {
            Optional<SQLException> refused = StoreFailure.refusedData(e);
            if (refused.isEmpty()) {
                throw e;
            }
            LOG.warnf("Scan %d: the database refused a batch of %d results (%s); storing them one by one", scanId,
                    left.size(), reason(refused.get()));
        }
        for (Iterator<Probed> it = left.iterator(); it.hasNext();) {
            storeOne(scanId, it.next());
            it.remove();
        }
    }

    private void storeOne(long scanId, Probed probed) {
        SQLException refused;
        try {
            store.store(scanId, List.of(probed));
            return;
        } catch (RuntimeException e) {
            refused = StoreFailure.refusedData(e).orElseThrow(() -> e);
        }
        String why = reason(refused);
        LOG.warnf("Scan %d: the result of %s was refused by the database (%s); storing it as %s", scanId,
                probed.result().target(), why, ProbeOutcome.PROTOCOL_ERROR);
        try {
            store.store(scanId, List.of(new Probed(probed.hostId(), probed.host(), unstorable(probed.result(), why))));
        } catch (RuntimeException e) {
            StoreFailure.refusedData(e).orElseThrow(() -> e);
            // Not even the bare outcome fits (e.g. the host was deleted meanwhile): count it done, keep going.
            LOG.warnf("Scan %d: nothing can be stored for host %d (%s)", scanId, probed.hostId(),
                    reason(StoreFailure.refusedData(e).orElseThrow()));
            store.skip(scanId, probed.hostId());
        }
    }

    /** The result without anything the server said, which is what the database refused. */
    private static ProbeResult unstorable(ProbeResult result, String why) {
        return new ProbeResult(result.target(), ProbeOutcome.PROTOCOL_ERROR,
                "the server's answer could not be stored: " + why, result.resolvedAddress(), Optional.empty(),
                Optional.empty(), result.timings(), result.startedAt());
    }

    /** The database's message, escaped (it may quote the refused value) and bounded. */
    private static String reason(SQLException refused) {
        return ServerText.bounded("SQLState " + refused.getSQLState() + ": " + refused.getMessage(), MAX_REASON);
    }
}
