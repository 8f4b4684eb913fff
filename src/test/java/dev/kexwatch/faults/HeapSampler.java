package dev.kexwatch.faults;

import dev.kexwatch.testsupport.PackagedApp;
import io.restassured.RestAssured;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the service's heap from its Prometheus endpoint a few times a second, in the background, and keeps
 * the peak: what the heap held at its fullest while a scan ran (garbage included).
 */
final class HeapSampler implements AutoCloseable {

    private final PackagedApp app;
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(PackagedApp app) {
        this.app = app;
        this.thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(sum(app, "jvm_memory_used_bytes{area=\"heap\""), Math::max);
            try {
                Thread.sleep(200); // a sampling period, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peak.get();
    }

    /** The sum of every series of a metric whose line starts with {@code prefix}, e.g. all heap pools. */
    static long sum(PackagedApp app, String prefix) {
        String metrics = RestAssured.given().baseUri("http://127.0.0.1").port(app.port()).get("/q/metrics").asString();
        return (long) metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
