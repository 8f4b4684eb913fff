import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.testsupport.OfferFixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's judging step alone, as a nightly scan meets it: HOSTS hosts (default 100,000), each judged under
 * every shipped policy in `policies/`, their offers drawn from the four captured servers (OpenSSH legacy and
 * hardened, Dropbear, tinysshd) with each host's own identification. Side by side, alternating rounds:
 * "each host" judges every host from scratch (a fresh engine per host: the path before the engine remembered
 * offers), "engine" is the service's path (one long-lived engine). Both must give the same verdicts.
 * Usage: see bench/judge.sh.
 */
public final class JudgeBench {

    public static void main(String[] args) {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Policy> policies = new PolicyLoader().loadDirectory(Path.of("policies"));
        List<ServerOffer> offers = OfferFixtures.CAPTURED.stream().map(OfferFixtures::captured).toList();
        List<String> software = List.of("OpenSSH_7.4", "OpenSSH_9.2p1", "dropbear_2022.83", "");
        LocalDate today = LocalDate.now();
        List<Long> fresh = new ArrayList<>();
        List<Long> remembered = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) { // round 0 warms both up, untimed
            long[] each = run(hosts, policies, offers, software, today, false);
            long[] engine = run(hosts, policies, offers, software, today, true);
            if (each[1] != engine[1]) {
                throw new IllegalStateException("findings differ: " + each[1] + " vs " + engine[1]);
            }
            long a = each[0];
            long b = engine[0];
            if (round > 0) {
                fresh.add(a);
                remembered.add(b);
                System.out.printf("round %d: each host %d ms, engine %d ms%n", round, a / 1_000_000,
                        b / 1_000_000);
            }
        }
        long a = median(fresh);
        long b = median(remembered);
        System.out.printf("%,d hosts x %d policies: each host %d ms (%.1f us/host), engine %d ms (%.1f us/host):"
                + " %.1fx%n", hosts, policies.size(), a / 1_000_000, a / 1e3 / hosts, b / 1_000_000, b / 1e3 / hosts,
                (double) a / b);
    }

    /** Nanoseconds taken and findings made. */
    private static long[] run(int hosts, List<Policy> policies, List<ServerOffer> offers, List<String> software,
            LocalDate today, boolean oneEngine) {
        PolicyEngine shared = new PolicyEngine();
        long findings = 0;
        long start = System.nanoTime();
        for (int i = 0; i < hosts; i++) {
            PolicyEngine engine = oneEngine ? shared : new PolicyEngine();
            HostRef host = new HostRef("127.0." + (i >> 8 & 255) + "." + (i & 255), 22, Map.of("env", "prod"));
            List<Policy> inForce = policies.stream().filter(p -> p.appliesTo(host)).toList();
            List<Evaluation> evaluations = engine.evaluateAll(inForce, Optional.of(offers.get(i % offers.size())),
                    "2.0", Optional.empty(), software.get(i % software.size()), host, today);
            for (Evaluation evaluation : evaluations) {
                findings += evaluation.findings().size();
            }
        }
        long took = System.nanoTime() - start;
        if (findings == 0) {
            throw new IllegalStateException("no findings: the offers did not reach the policies");
        }
        return new long[] {took, findings};
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
