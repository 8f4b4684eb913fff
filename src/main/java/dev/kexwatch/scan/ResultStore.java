package dev.kexwatch.scan;

import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes probe results, their offers and their findings; one transaction per batch. */
@ApplicationScoped
public class ResultStore {

    /** A probe result and the host it belongs to. */
    public record Probed(long hostId, HostRef host, ProbeResult result) {
    }

    @Inject
    PolicyRegistry policies;

    @Transactional
    public void store(long scanId, List<Probed> batch) {
        for (Probed probed : batch) {
            store(scanId, probed);
        }
        ScanRun.update("done = done + ?1 where id = ?2", batch.size(), scanId);
    }

    private void store(long scanId, Probed probed) {
        ProbeResult result = probed.result();
        ProbeRecord record = new ProbeRecord();
        record.scanId = scanId;
        record.hostId = probed.hostId();
        record.outcome = result.outcome().name();
        record.detail = result.detail();
        record.identification = result.identification().map(Identification::line).orElse(null);
        record.preIdentification = result.identification().map(Identification::preIdentificationLines).orElse(List.of());
        record.resolvedAddress = result.resolvedAddress().orElse(null);
        record.durationMs = (int) result.timings().total().toMillis();
        record.probedAt = result.startedAt();
        result.offer().ifPresent(offer -> record.offerId = StoredOffer.intern(offer).id);
        record.persist();
        result.offer().ifPresent(offer -> {
            for (Evaluation evaluation : policies.evaluate(probed.host(), offer)) {
                for (Finding finding : evaluation.findings()) {
                    FindingRecord.of(record.id, evaluation.policyVersion(), finding).persist();
                }
            }
        });
    }
}
