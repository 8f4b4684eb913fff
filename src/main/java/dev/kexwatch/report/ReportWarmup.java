package dev.kexwatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.fleet.Host;
import dev.kexwatch.inventory.InventoryResource;
import dev.kexwatch.inventory.InventoryService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Asks every report a number of times at the end of start-up, before the HTTP server opens. In a fresh service
 * each report's first request paid for class loading, Hibernate's reading of its SQL, the driver's statements and
 * Jackson's serializers (60-760 ms at 100,000 hosts), and the requests after it ran interpreted: with a nightly
 * scan started beside a fresh service, the scan's first 15 s held most of the report requests over the 50 ms
 * goal (bench/fleet-scale.sh). Runs after the inventory file's import (a later observer priority), against the
 * data the reports will serve; the resources are called as beans, their answers written as REST writes them.
 */
@ApplicationScoped
public class ReportWarmup {

    private static final Logger LOG = Logger.getLogger(ReportWarmup.class);

    /** One report asked with fixed parameters; its answer is what REST would write. */
    record Step(String name, Supplier<Object> ask) {
    }

    record Outcome(int rounds, List<String> failed, Duration took) {
    }

    @Inject
    ReportResource reports;

    @Inject
    InventoryResource inventoryResource;

    @Inject
    InventoryService inventory;

    @Inject
    ObjectMapper json;

    @Inject
    ReportsConfig config;

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        ReportsConfig.WarmUp warmUp = config.warmUp();
        if (warmUp.rounds() <= 0) {
            return;
        }
        List<Step> steps;
        try {
            steps = steps();
        } catch (RuntimeException e) { // e.g. the database went away after the migration: the reports say so later
            LOG.warnf("Reports not warmed up (their first requests are slower): %s", e);
            return;
        }
        Outcome outcome = run(steps, warmUp.rounds(), warmUp.atMost(), System::nanoTime);
        LOG.infof("Reports warmed up: %d round(s) of each in %d ms", outcome.rounds(), outcome.took().toMillis());
        if (!outcome.failed().isEmpty()) {
            LOG.warnf("Reports not warmed up (they are still served; the first requests are slower): %s",
                    outcome.failed());
        }
    }

    /**
     * The reports auditors and dashboards ask most, about the first host and its first label (the page and the
     * host do not change the code a request runs).
     */
    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        Optional<Host> host = inventory.list(Map.of(), 0, 1).items().stream().findFirst();
        Optional<Map.Entry<String, String>> first = host.flatMap(ReportWarmup::firstLabel);
        String key = first.map(Map.Entry::getKey).orElse(null);
        String label = first.map(e -> e.getKey() + "=" + e.getValue()).orElse(null);
        steps.add(step("summary", () -> reports.summary(null)));
        steps.add(step("summary by label", () -> reports.summary(key)));
        steps.add(step("latest", () -> reports.latest(label, null, null, 0, 100)));
        steps.add(step("latest as CSV", () -> reports.latestCsv(label, null, null, 0, 100)));
        steps.add(step("non-compliant", () -> reports.nonCompliant(null, null, 0, 100)));
        steps.add(step("non-compliant, high and worse", () -> reports.nonCompliant(label, "high", 0, 100)));
        steps.add(step("algorithm use", () -> reports.algorithm("hmac-sha1", 0, 100)));
        steps.add(step("trends", () -> reports.trends(30)));
        steps.add(step("changes", () -> reports.changes(null, 0, 100)));
        steps.add(step("inventory", () -> inventoryResource.list(label, 0, 100)));
        host.map(h -> h.id).ifPresent(id -> {
            steps.add(step("host", () -> reports.host(id)));
            steps.add(step("host drift", () -> reports.drift(id, null, null)));
        });
        return steps;
    }

    /** The host's first label that a selector ({@code key=value}) can name: neither part holds ',' or '='. */
    private static Optional<Map.Entry<String, String>> firstLabel(Host host) {
        return host.labels.entrySet().stream()
                .filter(e -> (e.getKey() + e.getValue()).chars().noneMatch(c -> c == ',' || c == '=')).findFirst();
    }

    private Step step(String name, Supplier<Object> ask) {
        return new Step(name, () -> {
            Object answer = ask.get();
            Object entity = answer instanceof RestResponse<?> r ? r.getEntity()
                    : answer instanceof Response r ? r.getEntity() : answer;
            if (entity instanceof String text) { // CSV: REST writes the text as it is
                return text;
            }
            try {
                return json.writeValueAsBytes(entity);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Asks every step once per round, for {@code rounds} rounds or until {@code atMost} has passed. A step that
     * fails is named in the outcome and not asked again; the others go on (a warm-up never fails a start).
     */
    static Outcome run(List<Step> steps, int rounds, Duration atMost, LongSupplier nanoTime) {
        long start = nanoTime.getAsLong();
        List<Step> left = new ArrayList<>(steps);
        List<String> failed = new ArrayList<>();
        int done = 0;
        while (done < rounds && !left.isEmpty() && nanoTime.getAsLong() - start < atMost.toNanos()) {
            for (Iterator<Step> it = left.iterator(); it.hasNext();) {
                Step step = it.next();
                try {
                    step.ask().get();
                } catch (RuntimeException e) {
                    failed.add(step.name() + ": " + e);
                    it.remove();
                }
            }
            done++;
        }
        return new Outcome(done, failed, Duration.ofNanos(nanoTime.getAsLong() - start));
    }
}
