package dev.kexwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.inventory.InventoryService;
import dev.kexwatch.report.ReportWarmup.Outcome;
import dev.kexwatch.report.ReportWarmup.Step;
import dev.kexwatch.web.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The warm-up without Quarkus: how many rounds, when they stop; a failing report stops no other, nor the start. */
class ReportWarmupRunTest {

    private final List<String> asked = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    private Step step(String name) {
        return new Step(name, () -> {
            asked.add(name);
            clock.addAndGet(Duration.ofMillis(10).toNanos());
            return name;
        });
    }

    @Test
    void asksEveryReportOncePerRound() {
        Outcome outcome = ReportWarmup.run(List.of(step("a"), step("b")), 3, Duration.ofMinutes(1), clock::get);
        assertThat(outcome.rounds()).isEqualTo(3);
        assertThat(asked).containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.took()).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void aFailingReportIsNamedAndNotAskedAgainWhileTheOthersGoOn() {
        Step broken = new Step("broken", () -> {
            asked.add("broken");
            throw new IllegalStateException("database away");
        });
        Outcome outcome = ReportWarmup.run(List.of(step("a"), broken, step("b")), 3, Duration.ofMinutes(1),
                clock::get);
        assertThat(asked).containsExactly("a", "broken", "b", "a", "b", "a", "b");
        assertThat(outcome.failed()).singleElement().asString().contains("broken", "database away");
        assertThat(outcome.rounds()).isEqualTo(3);
    }

    @Test
    void stopsStartingRoundsOnceItsTimeIsUp() {
        // 20 ms a round: rounds start at 0, 20 and 40 ms; the one due at 60 ms is past the 50 ms allowed.
        Outcome outcome = ReportWarmup.run(List.of(step("a"), step("b")), 100, Duration.ofMillis(50), clock::get);
        assertThat(outcome.rounds()).isEqualTo(3);
        assertThat(asked).hasSize(6);
    }

    @Test
    void noRoundsAskNothing() {
        assertThat(ReportWarmup.run(List.of(step("a")), 0, Duration.ofMinutes(1), clock::get).rounds()).isZero();
        assertThat(asked).isEmpty();
    }

    @Test
    void aDatabaseAwayAtStartUpFailsNoStart() {
        ReportWarmup warmup = new ReportWarmup();
        warmup.inventory = new InventoryService() {
            @Override
            public Page<Host> list(Map<String, String> selector, int page, int size) {
                throw new IllegalStateException("Connection refused");
            }
        };
        warmup.config = () -> new ReportsConfig.WarmUp() {
            @Override
            public int rounds() {
                return 100;
            }

            @Override
            public Duration atMost() {
                return Duration.ofSeconds(10);
            }
        };
        assertThatCode(() -> warmup.onStart(null)).doesNotThrowAnyException();
    }
}
