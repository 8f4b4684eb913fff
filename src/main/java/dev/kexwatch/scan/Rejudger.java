package dev.kexwatch.scan;

import dev.kexwatch.compliance.PoliciesChanged;
import dev.kexwatch.inventory.Host;
import dev.kexwatch.policy.HostRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** When the policies change, judges every host's latest stored offer again; nothing is probed. */
@ApplicationScoped
public class Rejudger {

    private static final Logger LOG = Logger.getLogger(Rejudger.class);
    private static final int PAGE = 500;

    @Inject
    ResultStore store;

    @Inject
    Event<HostStatusChanged> changed;

    void onChange(@Observes PoliciesChanged event) {
        Instant start = Instant.now();
        int judged = rejudgeAll();
        LOG.infof("Re-judged %d hosts under the new policies in %s", judged, Duration.between(start, Instant.now()));
        changed.fire(new HostStatusChanged(judged));
    }

    int rejudgeAll() {
        int judged = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Host> page = QuarkusTransaction.requiringNew().call(() -> Host.<Host>find(
                    "id > ?1 and id in (select s.hostId from HostStatus s) order by id", from).page(0, PAGE).list());
            if (page.isEmpty()) {
                return judged;
            }
            store.rejudge(page.stream().collect(java.util.stream.Collectors.toMap(h -> h.id,
                    h -> new HostRef(h.address, h.port, h.labels))));
            judged += page.size();
            after = page.get(page.size() - 1).id;
        }
    }
}
