package dev.kexwatch.fleet;

import dev.kexwatch.policy.AuthMethodsJudge;
import dev.kexwatch.policy.AuthMethodsJudge.AuthFinding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.fleet.AuthMethodsView.AuthFindingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The login-method part of host reports and drift. Judged when read, by the policies in force now: a policy
 * installed or edited applies to the stored answers at once, without another probe (each is a failed login).
 */
@ApplicationScoped
public class AuthMethodsReports {

    /** The policy id of the built-in check on {@code none}: it applies to every host, whatever policies select it. */
    static final String BUILT_IN = "built-in";

    @Inject
    AuthMethodRecords records;

    @Inject
    HostJudge policies;

    /** The host's latest answer judged, or null when it was never probed. */
    AuthMethodsView current(long hostId, HostRef host) {
        return records.latest(hostId).map(run -> view(run, records.error(hostId).orElse(null), host)).orElse(null);
    }

    private AuthMethodsView view(AuthObservation run, String error, HostRef host) {
        List<AuthFinding> judged = new ArrayList<>(policies.inForceFor(host).stream()
                .flatMap(p -> AuthMethodsJudge.judge(p, run.methods, run.noneAccepted).stream()).toList());
        AuthMethodsJudge.noneAccepted(BUILT_IN, run.noneAccepted, judged).ifPresent(judged::add);
        List<AuthFindingView> findings = judged.stream().map(f -> new AuthFindingView(f.policyId(), f.ruleId(),
                f.severity().id(), f.methods(), f.rationale(), f.source())).toList();
        return new AuthMethodsView(run.probeUser, run.methods, run.noneAccepted, run.firstSeenAt, run.lastSeenAt,
                run.firstScanId, run.lastScanId, error, findings);
    }

    /**
     * Between the scans given; with none given, the host's latest change of login methods. From the host's runs,
     * newest first ({@link #histories}).
     */
    static AuthMethodsChange drift(List<AuthObservation> runs, Long fromScan, Long toScan, long fromRef, long toRef) {
        if (fromScan == null && toScan == null) {
            Optional<AuthObservation> latest = runs.stream().findFirst();
            return AuthMethodsChange.between(runs.stream().skip(1).findFirst().or(() -> latest), latest);
        }
        return AuthMethodsChange.between(newest(runs, r -> r.firstScanId <= fromRef),
                newest(runs, r -> r.firstScanId <= toRef));
    }

    /** What changed with scan {@code scanId}: the run in force before it against the one in force at it. */
    static AuthMethodsChange changedWith(List<AuthObservation> runs, long scanId) {
        return AuthMethodsChange.between(newest(runs, r -> r.firstScanId < scanId),
                newest(runs, r -> r.firstScanId <= scanId));
    }

    /** The newest of the runs (newest first) that began in time. */
    private static Optional<AuthObservation> newest(List<AuthObservation> runs, Predicate<AuthObservation> began) {
        return runs.stream().filter(began).findFirst();
    }

    /** One host's runs, newest first. */
    List<AuthObservation> history(long hostId) {
        return histories(List.of(hostId)).getOrDefault(hostId, List.of());
    }

    /** The runs of each host, newest first, in one read (hosts never probed are missing). */
    Map<Long, List<AuthObservation>> histories(Collection<Long> hostIds) {
        return records.histories(hostIds);
    }

    /** The hosts whose offer or login methods changed with scan {@code scanId}, in host id order. */
    List<Long> changedHosts(long scanId) {
        return records.changedHosts(scanId);
    }
}
