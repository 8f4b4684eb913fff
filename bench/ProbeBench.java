import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives kexwatch's ProbeEngine against the canned responder: probes TOTAL targets spread over COUNT ports
 * from BASE with CONCURRENCY in flight, checks every result (outcome OK, exact kex list) and prints
 * targets/s and the heap's peak. Exit status 1 if any result is wrong.
 *
 * WARMUPS passes over the same targets run first, untimed and unchecked (default 0: a fresh JVM's first pass, what a
 * command line meets; 1 or more: the engine's steady rate once its code is compiled, what a service meets).
 *
 * Run: java -cp target/classes:DEPS bench/ProbeBench.java BASE COUNT TOTAL CONCURRENCY DEADLINE_SECONDS [ADDRESS
 * [WARMUPS]]
 */
public class ProbeBench {

    static final String EXPECTED_KEX = "curve25519-sha256,"
            + "curve25519-sha256@libssh.org,ecdh-sha2-nistp256,diffie-hellman-group14-sha256,"
            + "kex-strict-s-v00@openssh.com";

    public static void main(String[] args) {
        // As in the service and the CLI (quarkus.log.level=INFO): MINA's debug logging off. Unconfigured,
        // JBoss LogManager lets every debug message through to Quarkus' delayed handler.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        int base = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int total = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        Duration deadline = Duration.ofSeconds(Long.parseLong(args[4]));
        String address = args.length > 5 ? args[5] : "127.0.0.1";
        int warmups = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        List<Target> targets = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            targets.add(new Target(address, base + i % count));
        }
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger wrong = new AtomicInteger();
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(deadline, concurrency, 256 * 1024))) {
            for (int i = 0; i < warmups; i++) {
                engine.probeAll(targets, result -> { });
            }
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            engine.probeAll(targets, result -> {
                outcomes.computeIfAbsent(result.outcome().name(), k -> new AtomicInteger()).incrementAndGet();
                if (!correct(result)) {
                    wrong.incrementAndGet();
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            System.out.printf("kexwatch: %d targets in %.2f s = %.0f targets/s (concurrency %d); outcomes %s;"
                    + " wrong %d; peak heap %d MiB; process CPU %.2f s%n", total, seconds, total / seconds,
                    concurrency, new TreeMap<>(outcomes), wrong.get(), peakHeapMiB(), cpuSeconds);
        }
        System.exit(wrong.get() == 0 ? 0 : 1);
    }

    static boolean correct(ProbeResult result) {
        return result.outcome() == ProbeOutcome.OK
                && result.offer().orElseThrow().raw(KexList.KEX).equals(EXPECTED_KEX);
    }

    /** CPU time of this JVM, all threads (JIT and GC included): steadier than wall time on a shared machine. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
