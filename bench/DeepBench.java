import com.sun.management.OperatingSystemMXBean;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepProber;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Deep scans (KEXINIT capture, then one key exchange per host-key family and ssh-audit's five group-size
 * requests) of the targets in a file (HOST:PORT per line), up to PARALLEL targets side by side and one
 * connection at a time per target, as {@code scan --deep} runs them (DeepScan: same engines, one pool).
 * One untimed round first (JIT and class loading are not what is compared), then one timed round: prints wall
 * time, targets/s and this process' CPU seconds during it, and writes per target the SHA-256 fingerprints and
 * the smallest group size to OUT, for the script to compare with ssh-audit's.
 * Usage: java DeepBench PARALLEL TARGETS_FILE OUT
 */
public final class DeepBench {
    public static void main(String[] args) throws Exception {
        int parallel = Integer.parseInt(args[0]);
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            int colon = line.lastIndexOf(':');
            targets.add(new Target(line.substring(0, colon), Integer.parseInt(line.substring(colon + 1))));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(20), parallel, 256 * 1024));
                DeepProber prober = new DeepProber(Duration.ofSeconds(20))) {
            run(pool, engine, prober, targets);
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            Map<String, String> found = run(pool, engine, prober, targets);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf("kexwatch deep: %d targets, parallel %d, %.2f s, %.2f targets/s, client CPU %.2f s%n",
                    targets.size(), parallel, seconds, targets.size() / seconds, cpuSeconds);
            try (PrintWriter out = new PrintWriter(args[2])) {
                found.forEach((target, facts) -> out.println(target + " " + facts));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> run(ExecutorService pool, ProbeEngine engine, DeepProber prober,
            List<Target> targets) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (Target target : targets) {
            futures.add(pool.submit(() -> {
                ServerOffer offer = engine.probe(target).join().offer().orElseThrow();
                return facts(prober.probe(new InetSocketAddress(target.host(), target.port()), offer));
            }));
        }
        Map<String, String> found = new TreeMap<>();
        for (int i = 0; i < targets.size(); i++) {
            found.put(targets.get(i).host() + ":" + targets.get(i).port(), futures.get(i).get());
        }
        return found;
    }

    /** Sorted plain-key fingerprints, then the smallest group ssh-audit would report ("-" when none). */
    private static String facts(DeepResult deep) {
        List<String> fingerprints = deep.hostKeys().stream().filter(k -> k.certificate().isEmpty())
                .map(HostKey::key).flatMap(java.util.Optional::stream).map(k -> k.fingerprint()).sorted().distinct()
                .toList();
        return String.join(",", fingerprints) + " " + deep.smallestGroup().map(String::valueOf).orElse("-");
    }
}
