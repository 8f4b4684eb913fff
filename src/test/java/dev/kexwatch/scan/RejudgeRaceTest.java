package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.fleet.HostStatus;
import dev.kexwatch.fleet.ResultStore;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * host_status is written under an optimistic lock: a re-judge that read a host's status before a scan stored a
 * newer result loses, whatever the timing; and a label change judges the host again under the policies its
 * new labels select.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class RejudgeRaceTest {

    @Inject
    ResultStore store;

    @Test
    void aRejudgeHeldBetweenReadAndWriteWhileAScanStoresNeverOverwritesTheNewerResult() throws Exception {
        MinaSshServer server = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        long hostId = Api.addHost("127.0.0.1", server.port(), Map.of("suite", "race"));
        Api.scan("suite=race");
        assertThat(state(hostId)).isEqualTo("non_compliant");
        // judged with a label that brings in hardened-openssh: a different verdict, so the re-judge writes
        Map<Long, HostRef> relabelled = Map.of(hostId,
                new HostRef("127.0.0.1", server.port(), Map.of("suite", "race", "profile", "hardened")));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch scanStored = new CountDownLatch(1);

        CompletableFuture<Void> rejudge = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            List<HostStatus> statuses = store.statusesOf(List.of(hostId));
            read.countDown();
            awaitLatch(scanStored);
            store.rejudge(relabelled, statuses);
        }));
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
        server.close(); // the host stops answering: the scan stores a newer, different result
        Api.scan("suite=race");
        scanStored.countDown();

        assertThatThrownBy(rejudge::join).as("the re-judge lost to the scan")
                .satisfies(e -> assertThat(ResultStore.lostRace(e)).isTrue());
        assertThat(state(hostId)).as("the scan's result stands").isEqualTo("unreachable");
        assertThat(Api.host(hostId).getList("compliance.findings")).isEmpty();
    }

    @Test
    void aLabelChangeJudgesTheHostUnderThePoliciesItsLabelsNowSelect() {
        try (MinaSshServer server = MinaSshServer.start(MinaSshServer.Algorithms.weak())) {
            long hostId = Api.addHost("127.0.0.1", server.port(), Map.of("suite", "relabel"));
            Api.scan("suite=relabel");
            assertThat(Api.host(hostId).getList("compliance.findings.policyId")).doesNotContain("hardened-openssh");

            given().contentType(ContentType.JSON)
                    .body(Map.of("labels", Map.of("suite", "relabel", "profile", "hardened"), "enabled", true))
                    .put("/api/hosts/" + hostId).then().statusCode(200);

            assertThat(Api.host(hostId).getList("compliance.findings.policyId")).contains("hardened-openssh");
            assertThat(judgedBy(hostId)).contains("hardened-openssh", "baseline");
        }
    }

    private static String state(long hostId) {
        return QuarkusTransaction.requiringNew().call(() -> HostStatus.<HostStatus>findById(hostId).state);
    }

    private static List<String> judgedBy(long hostId) {
        return QuarkusTransaction.requiringNew().call(() -> HostStatus.<HostStatus>findById(hostId).judgedBy);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the scan never stored");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
