package dev.kexwatch.metrics;

import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.report.HostState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every kexwatch meter, in one place. Names follow Prometheus conventions once exported
 * ({@code kexwatch_probes_total}, {@code kexwatch_scan_duration_seconds}, {@code kexwatch_hosts}). No host
 * label: a fleet of 100,000 hosts must not become 100,000 series.
 */
@ApplicationScoped
public class KexwatchMetrics {

    public static final String PROBES = "kexwatch.probes";
    public static final String PROBE_DURATION = "kexwatch.probe.duration";
    public static final String SCAN_DURATION = "kexwatch.scan.duration";
    public static final String HOSTS = "kexwatch.hosts";
    /** Problems found by the last policy load; above zero means the last good set is still in force. */
    public static final String POLICY_LOAD_ERRORS = "kexwatch.policy.load.errors";
    /** Per client profile ({@code profile} tag): enabled hosts whose latest offer it cannot negotiate with. */
    public static final String CLIENT_UNREACHABLE_HOSTS = "kexwatch.client.unreachable.hosts";

    @Inject
    MeterRegistry registry;

    private final Map<ProbeOutcome, Counter> probes = new EnumMap<>(ProbeOutcome.class);
    private final Map<HostState, AtomicLong> hosts = new EnumMap<>(HostState.class);
    private Timer probeDuration;
    private Timer scanDuration;

    @PostConstruct
    void register() {
        for (ProbeOutcome outcome : ProbeOutcome.values()) {
            probes.put(outcome, Counter.builder(PROBES).description("Probes by outcome")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        for (HostState state : HostState.values()) {
            AtomicLong value = new AtomicLong();
            hosts.put(state, value);
            Gauge.builder(HOSTS, value, AtomicLong::get).description("Hosts by compliance state of their latest result")
                    .tag("state", state.name()).register(registry);
        }
        probeDuration = Timer.builder(PROBE_DURATION).description("Time from connect to KEXINIT or failure")
                .register(registry);
        scanDuration = Timer.builder(SCAN_DURATION).description("Wall time of whole scans").register(registry);
    }

    public void probed(ProbeOutcome outcome, Duration took) {
        probes.get(outcome).increment();
        probeDuration.record(took);
    }

    public void scanned(Duration took) {
        scanDuration.record(took);
    }

    public void hostStates(Map<HostState, Long> counts) {
        hosts.forEach((state, value) -> value.set(counts.getOrDefault(state, 0L)));
    }
}
