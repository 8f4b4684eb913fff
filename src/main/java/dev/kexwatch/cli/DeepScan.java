package dev.kexwatch.cli;

import dev.kexwatch.hostkey.DeepProber;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.probe.ProbeResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * {@code scan --deep}: the deep handshake of every target whose KEXINIT was captured. Targets on one address
 * run one after another (one connection at a time per address, like the probe's politeness); different
 * addresses run side by side, up to {@code parallel}.
 */
final class DeepScan {

    private DeepScan() {
    }

    static Map<ProbeResult, DeepResult> run(List<ProbeResult> results, Duration deadline, int parallel) {
        Map<String, List<ProbeResult>> byAddress = results.stream().filter(r -> r.ok() && r.resolvedAddress()
                .isPresent()).collect(Collectors.groupingBy(r -> r.resolvedAddress().orElseThrow(),
                        LinkedHashMap::new, Collectors.toList()));
        Map<ProbeResult, DeepResult> deep = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, byAddress.size())));
        try (DeepProber prober = new DeepProber(deadline)) {
            byAddress.values().forEach(sameAddress -> pool.execute(() -> sameAddress.forEach(r -> deep.put(r,
                    prober.probe(new InetSocketAddress(r.resolvedAddress().orElseThrow(), r.target().port()),
                            r.offer().orElseThrow())))));
            pool.shutdown();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return deep;
    }
}
