package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.WaivedFinding;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;

/**
 * Writes probe results as observation runs and keeps each host's status and findings in step with the
 * policies. An unchanged host with an unchanged verdict costs one in-place update per scan.
 */
@ApplicationScoped
public class ResultStore {

    /** A probe result and the host it belongs to. */
    public record Probed(long hostId, HostRef host, ProbeResult result) {
    }

    @Inject
    HostJudge policies;

    @Inject
    OfferStore offers;

    @Inject
    ScanClaims claims;

    @Inject
    DeepStore deep;

    /** Stores a batch of results of one scan in one transaction, and marks those hosts done in the run. */
    @Transactional
    public void store(long scanId, List<Probed> batch) {
        try {
            storeBatch(scanId, batch);
        } catch (RuntimeException e) {
            offers.forget(); // the transaction rolls back, with any offer it inserted and remembered
            throw e;
        }
    }

    private void storeBatch(long scanId, List<Probed> batch) {
        List<Long> hostIds = batch.stream().map(Probed::hostId).toList();
        Map<Long, HostStatus> statuses = HostStatus.<HostStatus>list("hostId in ?1", hostIds).stream()
                .collect(Collectors.toMap(s -> s.hostId, Function.identity()));
        Map<Long, Observation> current = Observation.<Observation>list("id in ?1",
                statuses.values().stream().map(s -> s.observationId).toList()).stream()
                .collect(Collectors.toMap(o -> o.hostId, Function.identity()));
        Map<Long, DeepResult> deepResults = deep.currentOf(hostIds);
        for (Probed probed : batch) {
            record(scanId, probed, statuses.get(probed.hostId()), current.get(probed.hostId()),
                    Optional.ofNullable(deepResults.get(probed.hostId())));
        }
        ScanRun.update("done = done + ?1 where id = ?2", batch.size(), scanId);
        claims.done(scanId, hostIds);
    }

    /** Counts a host done in the run with no result, when not even a bare outcome can be stored for it. */
    @Transactional
    public void skip(long scanId, long hostId) {
        ScanRun.update("done = done + 1 where id = ?1", scanId);
        claims.done(scanId, List.of(hostId));
    }

    private void record(long scanId, Probed probed, HostStatus status, Observation current,
            Optional<DeepResult> deepResult) {
        ProbeResult result = probed.result();
        Long offerId = result.offer().map(offers::intern).orElse(null);
        boolean same = current != null && current.sameAs(result, offerId);
        Observation observation = current;
        if (same) {
            current.extend(scanId, result.startedAt());
        } else {
            observation = Observation.start(scanId, probed.hostId(), result, offerId);
            observation.persist();
        }
        judge(probed.host(), observation, result.offer(), deepResult, status, same);
    }

    /**
     * Judges hosts' latest observations again under the policies in force now, in one transaction; writes
     * only where the verdict changed. Throws {@link jakarta.persistence.OptimisticLockException} when a scan
     * stored a newer result of one of the hosts meanwhile: nothing is written then, and the caller repeats.
     */
    @Transactional
    public void rejudge(Map<Long, HostRef> hosts) {
        rejudge(hosts, statusesOf(hosts.keySet()));
    }

    /**
     * Judges one host again in the caller's transaction, its status row locked until commit: nothing can be
     * stored in between, so this re-judge cannot lose a race. For a change the caller makes in the same
     * transaction (labels).
     */
    @Transactional
    public void rejudgeLocked(long hostId, HostRef host) {
        rejudge(Map.of(hostId, host), HostStatus.find("hostId", hostId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list());
    }

    /** The stored status of these hosts, as a re-judge reads it before it writes. */
    public List<HostStatus> statusesOf(Collection<Long> hostIds) {
        return HostStatus.list("hostId in ?1", hostIds);
    }

    /** The write half of {@link #rejudge(Map)}, in the caller's transaction, on statuses read before. */
    public void rejudge(Map<Long, HostRef> hosts, List<HostStatus> read) {
        Map<Long, DeepResult> deepResults = deep.currentOf(read.stream().map(s -> s.hostId).toList());
        for (HostStatus status : read) {
            Observation observation = Observation.findById(status.observationId);
            Optional<ServerOffer> offer = Optional.ofNullable(observation.offerId)
                    .map(id -> StoredOffer.<StoredOffer>findById(id).toOffer());
            judge(hosts.get(status.hostId), observation, offer, Optional.ofNullable(deepResults.get(status.hostId)),
                    status, true);
        }
        HostStatus.flush(); // a lost race shows here, as OptimisticLockException, not later at commit
    }

    private void judge(HostRef host, Observation observation, Optional<ServerOffer> offer,
            Optional<DeepResult> deepResult, HostStatus status, boolean sameObservation) {
        // a host that answered SSH-1 only has no offer, but it responded: it is judged (critical), not unreachable
        boolean ssh1Only = ProbeOutcome.SSH1_ONLY.name().equals(observation.outcome);
        Verdict verdict = offer.isPresent() || ssh1Only
                ? policies.judge(host, offer, protocolVersion(observation.identification),
                        softwareVersion(observation.identification), deepResult) : Verdict.NONE;
        HostState state = offer.isEmpty() && !ssh1Only ? HostState.unreachable
                : verdict.compliant() ? HostState.compliant : HostState.non_compliant;
        byte[] digest = verdict.digest();
        List<String> judgedBy = verdict.evaluations().stream().map(Evaluation::policyId).toList();
        if (sameObservation && status != null && Arrays.equals(status.verdict, digest)
                && judgedBy.equals(status.judgedBy)) {
            return;
        }
        if (sameObservation) {
            FindingRecord.delete("observationId", observation.id);
        }
        writeFindings(observation.id, verdict);
        HostStatus next = status != null ? status : new HostStatus();
        next.hostId = observation.hostId;
        next.observationId = observation.id;
        next.offerId = observation.offerId;
        next.state = state.name();
        next.worstSeverity = verdict.worst().map(s -> s.id()).orElse(null);
        next.findingCount = verdict.findings().size();
        next.notes = verdict.notes();
        next.verdict = digest;
        next.judgedBy = judgedBy;
        if (status == null) {
            next.persist();
        }
    }

    /** {@code 2.0} in {@code SSH-2.0-OpenSSH_9.2p1}; empty when there was no identification line. */
    private static String protocolVersion(String identification) {
        return identification == null ? "" : new Identification(identification, List.of()).protocolVersion();
    }

    private static String softwareVersion(String identification) {
        return identification == null ? "" : new Identification(identification, List.of()).softwareVersion();
    }

    private static void writeFindings(long observationId, Verdict verdict) {
        for (Evaluation evaluation : verdict.evaluations()) {
            for (Finding finding : evaluation.findings()) {
                FindingRecord.of(observationId, evaluation.policyVersion(), finding, null).persist();
            }
            for (WaivedFinding waived : evaluation.waived()) {
                FindingRecord.of(observationId, evaluation.policyVersion(), waived.finding(),
                        waived.waiver().id() + ": " + waived.waiver().reason() + " (until " + waived.waiver().expires()
                                + ")").persist();
            }
        }
    }

    /** The optimistic lock of host_status refused the write: a scan stored a newer result since it was read. */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
