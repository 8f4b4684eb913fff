import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepProber;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deep scans (KEXINIT capture, then one key exchange per host-key family and ssh-audit's five group-size
 * requests) of the loopback ports given, one after another like ssh-audit; prints targets/s.
 * Usage: java DeepBench PORT...
 */
public final class DeepBench {
    public static void main(String[] args) throws Exception {
        List<Target> targets = new ArrayList<>();
        for (String port : args) {
            targets.add(new Target("127.0.0.1", Integer.parseInt(port)));
        }
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(10), 1, 256 * 1024));
                DeepProber prober = new DeepProber(Duration.ofSeconds(10))) {
            run(engine, prober, targets); // warm-up: JIT and class loading are not what is compared
            long start = System.nanoTime();
            int keys = run(engine, prober, targets);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("kexwatch deep: %d targets, %d host keys, %.2f s, %.2f targets/s%n", targets.size(),
                    keys, seconds, targets.size() / seconds);
        }
    }

    private static int run(ProbeEngine engine, DeepProber prober, List<Target> targets) {
        int keys = 0;
        for (Target target : targets) {
            ServerOffer offer = engine.probe(target).join().offer().orElseThrow();
            DeepResult deep = prober.probe(new InetSocketAddress(target.host(), target.port()), offer);
            keys += deep.hostKeys().size();
        }
        return keys;
    }
}
