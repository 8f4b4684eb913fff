package dev.kexwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.fleet.Labels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Label-filtered reads get plans for their own selector, and the setting ends with their transaction. */
@QuarkusTest
class PlanPerSelectorTest {

    @Inject
    EntityManager em;

    @Test
    void customPlansHoldForTheTransactionOnly() {
        String inside = QuarkusTransaction.requiringNew().call(() -> {
            Labels.planPerSelector(em);
            return planCacheMode();
        });
        assertThat(inside).isEqualTo("force_custom_plan");
        // Pooled connections are shared: a setting that outlived the transaction would reach every statement.
        for (int i = 0; i < 5; i++) {
            assertThat(QuarkusTransaction.requiringNew().call(this::planCacheMode)).isEqualTo("auto");
        }
    }

    private String planCacheMode() {
        return (String) em.createNativeQuery("select current_setting('plan_cache_mode')").getSingleResult();
    }
}
