package dev.kexwatch.metrics;

import dev.kexwatch.fleet.HostState;
import dev.kexwatch.listen.ListenOutcome;
import dev.kexwatch.probe.ProbeOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every kexwatch meter, in one place; the README's metrics table lists them. Names are Micrometer's dotted
 * form of the Prometheus names ({@code kexwatch.probes} is exported as {@code kexwatch_probes_total}). No
 * label holds a host, except on the opt-in, capped {@code kexwatch_host_state}: a fleet of 100,000 hosts must
 * not become 100,000 series. Fleet gauges are set from the database; counters and histograms count what this
 * instance did.
 */
@ApplicationScoped
public class KexwatchMetrics {

    public static final String PROBES = "kexwatch.probes";
    public static final String PROBE_DURATION = "kexwatch.probe.duration";
    public static final String SCAN_DURATION = "kexwatch.scan.duration";
    public static final String HOSTS = "kexwatch.hosts";
    public static final String POLICY_HOSTS = "kexwatch.policy.hosts";
    public static final String FINDINGS = "kexwatch.findings";
    public static final String HOSTS_OFFERING = "kexwatch.hosts.offering";
    public static final String HOSTS_TERRAPIN = "kexwatch.hosts.terrapin.exposed";
    public static final String HOSTS_POST_QUANTUM = "kexwatch.hosts.post.quantum.kex";
    public static final String HOSTS_WEAK = "kexwatch.hosts.weak";
    public static final String HOSTS_WEAK_APPEARED = "kexwatch.hosts.weak.appeared";
    public static final String LAST_SUCCESSFUL_SCAN = "kexwatch.last.successful.scan.timestamp";
    public static final String HOST_STATE = "kexwatch.host.state";
    public static final String HOST_STATE_DROPPED = "kexwatch.host.state.dropped.hosts";
    /** Enabled hosts whose latest deep handshake showed a host key that a host on another address shows too. */
    public static final String HOSTS_SHARED_HOST_KEY = "kexwatch.hosts.shared.host.key";
    /** Hosts whose host keys changed, appeared or went away in the latest deep pass. */
    public static final String HOST_KEY_CHANGES = "kexwatch.host.key.changes";
    /** Enabled hosts showing an RSA host key below 2048 bits or a DSA key (NIST SP 800-57 Part 1). */
    public static final String HOSTS_WEAK_HOST_KEY = "kexwatch.hosts.weak.host.key";
    /** Per login method ({@code method} tag, known names and {@code other}): enabled hosts whose latest answer lists it. */
    public static final String HOSTS_AUTH_METHOD = "kexwatch.hosts.auth.method";
    /** Per login method: enabled hosts whose latest answer lists it and whose previous one did not. */
    public static final String HOSTS_AUTH_METHOD_APPEARED = "kexwatch.hosts.auth.method.appeared";
    /** Problems found by the last policy load; above zero means the last good set is still in force. */
    public static final String POLICY_LOAD_ERRORS = "kexwatch.policy.load.errors";
    /** Per client profile ({@code profile} tag): enabled hosts whose latest offer it cannot negotiate with. */
    public static final String CLIENT_UNREACHABLE_HOSTS = "kexwatch.client.unreachable.hosts";
    /** Per client profile and post-quantum status ({@code profile}, {@code status} tags): enabled hosts. */
    public static final String CLIENT_PQ_HOSTS = "kexwatch.client.pq.hosts";
    /** Connections to this instance's client-capture listener, by how each ended ({@code outcome} tag). */
    public static final String LISTENER_CONNECTIONS = "kexwatch.listener.connections";

    /** Probes take milliseconds on a LAN and up to the deadline (default 10 s) on a dead host. */
    private static final Duration[] PROBE_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
    /** Scans take seconds for a lab and hours for a large fleet. */
    private static final Duration[] SCAN_BUCKETS = seconds(1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200, 14400);

    @Inject
    MeterRegistry registry;

    @Inject
    MetricsConfig config;

    private final Map<ProbeOutcome, Counter> probes = new EnumMap<>(ProbeOutcome.class);
    private final Map<ListenOutcome, Counter> listened = new EnumMap<>(ListenOutcome.class);
    private final Map<HostState, AtomicLong> hosts = new EnumMap<>(HostState.class);
    private final AtomicLong terrapin = new AtomicLong();
    private final AtomicLong postQuantum = new AtomicLong();
    private final AtomicLong weak = new AtomicLong();
    private final AtomicLong weakAppeared = new AtomicLong();
    private final AtomicLong perHostDropped = new AtomicLong();
    private final AtomicLong lastScanMillis = new AtomicLong();
    private Timer probeDuration;
    private Timer scanDuration;
    private MultiGauge policyHosts;
    private MultiGauge findings;
    private MultiGauge offering;
    private MultiGauge hostState;

    @PostConstruct
    void register() {
        for (ProbeOutcome outcome : ProbeOutcome.values()) {
            probes.put(outcome, Counter.builder(PROBES).description("Probes by outcome")
                    .tag("outcome", outcome.name()).register(registry));
        }
        for (ListenOutcome outcome : ListenOutcome.values()) {
            listened.put(outcome, Counter.builder(LISTENER_CONNECTIONS)
                    .description("Connections to the client-capture listener by outcome").tag("outcome", outcome.name())
                    .register(registry));
        }
        for (HostState state : HostState.values()) {
            AtomicLong value = new AtomicLong();
            hosts.put(state, value);
            Gauge.builder(HOSTS, value, AtomicLong::get).description("Enabled hosts by the state of their latest result")
                    .tag("state", state.name()).register(registry);
        }
        probeDuration = Timer.builder(PROBE_DURATION).description("Time from connect to KEXINIT or failure, per probe")
                .serviceLevelObjectives(PROBE_BUCKETS).register(registry);
        scanDuration = Timer.builder(SCAN_DURATION).description("Wall time of whole scans")
                .serviceLevelObjectives(SCAN_BUCKETS).register(registry);
        registerFleetGauges();
    }

    private void registerFleetGauges() {
        policyHosts = MultiGauge.builder(POLICY_HOSTS).description("Hosts a policy applies to, by their state under it")
                .register(registry);
        findings = MultiGauge.builder(FINDINGS).description("Unwaived findings in the hosts' latest results")
                .register(registry);
        offering = MultiGauge.builder(HOSTS_OFFERING)
                .description("Hosts whose latest offer names the algorithm; unknown names count as algorithm=unknown")
                .register(registry);
        count(HOSTS_TERRAPIN, terrapin, "Hosts open to Terrapin (CVE-2023-48795): no strict kex, and chacha20-poly1305 or CBC with an -etm MAC");
        count(HOSTS_POST_QUANTUM, postQuantum, "Hosts offering a post-quantum hybrid key exchange");
        count(HOSTS_WEAK, weak, "Hosts offering an algorithm the catalog rates weak or insecure");
        count(HOSTS_WEAK_APPEARED, weakAppeared,
                "Hosts whose new latest result offers a weak or insecure algorithm and whose previous successful one offered none");
        Gauge.builder(LAST_SUCCESSFUL_SCAN, lastScanMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("When the latest finished scan ended (Unix time); 0 before the first").register(registry);
        if (config.perHost().enabled()) {
            hostState = MultiGauge.builder(HOST_STATE).description("1 for each host, labelled with its state (opt-in, capped)")
                    .register(registry);
            count(HOST_STATE_DROPPED, perHostDropped, "Hosts left out of kexwatch_host_state by kexwatch.metrics.per-host.max");
        }
    }

    private void count(String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
    }

    public void probed(ProbeOutcome outcome, Duration took) {
        probes.get(outcome).increment();
        probeDuration.record(took);
    }

    /** One connection to the client-capture listener ended so. */
    public void listened(ListenOutcome outcome) {
        listened.get(outcome).increment();
    }

    public void scanned(Duration took) {
        scanDuration.record(took);
    }

    /** How many hosts get a per-host series: 0 when they are off. */
    int perHostLimit() {
        return config.perHost().enabled() ? config.perHost().max() : 0;
    }

    void update(FleetSnapshot snapshot) {
        hosts.forEach((state, value) -> value.set(snapshot.hostStates().getOrDefault(state, 0L)));
        policyHosts.register(rows(snapshot.policyStates(), k -> Tags.of("policy", k.policy(), "state", k.state().name())), true);
        findings.register(rows(snapshot.findings(), k -> Tags.of("policy", k.policy(), "rule", k.rule(),
                "severity", k.severity())), true);
        offering.register(rows(snapshot.offering(), k -> Tags.of("category", k.category(), "algorithm", k.algorithm(),
                "verdict", k.verdict())), true);
        FleetSnapshot.Counts counts = snapshot.counts();
        terrapin.set(counts.terrapinExposed());
        postQuantum.set(counts.postQuantum());
        weak.set(counts.weak());
        weakAppeared.set(counts.weakAppeared());
        perHostDropped.set(counts.perHostDropped());
        lastScanMillis.set(snapshot.lastSuccessfulScan().map(Instant::toEpochMilli).orElse(0L));
        if (hostState != null) {
            hostState.register(snapshot.perHost().stream()
                    .map(h -> Row.of(Tags.of("host", h.endpoint(), "state", h.state().name()), 1)).toList(), true);
        }
    }

    private static <K> List<Row<?>> rows(Map<K, Long> values, java.util.function.Function<K, Tags> tags) {
        return values.entrySet().stream().<Row<?>>map(e -> Row.of(tags.apply(e.getKey()), e.getValue())).toList();
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
