package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.fleet.DeepStore;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.HostKeyFiles;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.KexReplies;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.testsupport.OpenSshServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's deep pass end to end on real servers: two MINA SSHD servers on two loopback addresses sharing one
 * RSA host key (a cloned image), and Debian's sshd with a 1024-bit RSA key and a host certificate about to expire
 * whose key id is a spreadsheet formula. Scanned twice through the service, the second time after the clone
 * restarted with a new key.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
@TestProfile(DeepServiceProfile.class)
class DeepServiceTest {

    private static final String CLONE_ADDRESS = "127.0.0.2";
    private static final String HOSTILE_KEY_ID = "=HYPERLINK(\"x\")";
    private static final Algorithms RSA_AND_GEX = new Algorithms(
            List.of("ecdh-sha2-nistp256", "diffie-hellman-group-exchange-sha256"), List.of("rsa-sha2-512"),
            List.of("aes128-ctr"), List.of("hmac-sha2-256-etm@openssh.com"));

    private static final KeyPair SHARED = MinaSshServer.generate("RSA", 2048);
    private static final KeyPair REPLACEMENT = MinaSshServer.generate("RSA", 2048);
    private static final String SUITE = UUID.randomUUID().toString();

    private static MinaSshServer original;
    private static MinaSshServer clone;
    private static OpenSshServer sshd;
    private static HostKeyFiles files;
    private static long originalId;
    private static long cloneId;
    private static long sshdId;
    private static JsonPath sharedBefore;
    private static String sharedCsvBefore;
    private static String metricsBefore;
    private static long secondScan;
    private static String metricsAfter;
    private static HostileSshServer badSignature;
    private static HostileSshServer smallGroup;
    private static long badSignatureId;
    private static long smallGroupId;

    @Inject
    ScanService scans;

    @Inject
    DeepStore deepStore;

    @Inject
    DeepPass deepPass;

    @BeforeAll
    static void startServers() {
        original = MinaSshServer.start(RSA_AND_GEX, "127.0.0.1", 0, List.of(SHARED));
        clone = MinaSshServer.start(RSA_AND_GEX, CLONE_ADDRESS, 0, List.of(SHARED));
        files = new HostKeyFiles();
        Path rsa = files.generate("rsa1024", "rsa", 1024);
        Path ed25519 = files.generate("ed25519", "ed25519", 0);
        Path ca = files.generate("ca", "ed25519", 0);
        Path cert = files.certify(ca, ed25519, HOSTILE_KEY_ID, 7, "localhost", "-1d:+10d");
        sshd = OpenSshServer.startWithHostKeys(List.of(rsa, ed25519), "HostCertificate " + cert);
        badSignature = KexReplies.replying(KexReplies.BadReply.BAD_SIGNATURE);
        smallGroup = KexReplies.groupOf(1024);
    }

    @AfterAll
    static void stopServers() {
        for (AutoCloseable server : new AutoCloseable[] {original, clone, sshd, badSignature, smallGroup}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception ignored) {
                // the others must still stop
            }
        }
    }

    /** Once for the class: scan, read the views, restart the clone with a new key, scan again. */
    @BeforeEach
    void scanTwice() {
        if (secondScan != 0) {
            return;
        }
        Map<String, String> labels = Map.of("suite", SUITE);
        originalId = Api.addHost("127.0.0.1", original.port(), labels);
        cloneId = Api.addHost(CLONE_ADDRESS, clone.port(), labels);
        sshdId = Api.addHost(sshd.target().host(), sshd.port(), labels);
        assertThat(scans.runNow("test", labels)).isPresent();
        deepPass.lastPass().join();
        sharedBefore = given().get("/api/reports/host-keys/shared").then().statusCode(200).extract().jsonPath();
        sharedCsvBefore = given().accept("text/csv").get("/api/reports/host-keys/shared").then().statusCode(200)
                .extract().asString();
        metricsBefore = metrics();

        int port = clone.port();
        clone.close();
        clone = MinaSshServer.start(RSA_AND_GEX, CLONE_ADDRESS, port, List.of(REPLACEMENT));
        secondScan = scans.runNow("test", labels).orElseThrow().id();
        deepPass.lastPass().join();
        metricsAfter = metrics();

        // Hand-played servers, scanned once on their own: their keys are new on every connection.
        Map<String, String> hostile = Map.of("suite", SUITE + "-hostile");
        badSignatureId = Api.addHost(badSignature.target().host(), badSignature.target().port(), hostile);
        smallGroupId = Api.addHost(smallGroup.target().host(), smallGroup.target().port(), hostile);
        assertThat(scans.runNow("test", hostile)).isPresent();
        deepPass.lastPass().join();
    }

    @Test
    void aFailedDeepHandshakeIsANamedOutcomeNextToTheKexinitResultItKeeps() {
        JsonPath report = Api.host(badSignatureId);
        assertThat(report.getString("compliance.outcome")).isEqualTo("OK");
        assertThat(report.getList("lists.kex")).containsExactly("curve25519-sha256");
        assertThat(report.getList("hostKeys.algorithm")).containsExactly("ssh-ed25519");
        assertThat(report.getString("hostKeys[0].outcome")).isEqualTo("BAD_SIGNATURE");
        assertThat(report.getBoolean("hostKeys[0].signatureVerified")).isFalse();
    }

    @Test
    void aServerHandingOutOneThousandTwentyFourBitGroupsFailsTheBaseline() {
        JsonPath report = Api.host(smallGroupId);
        assertThat(report.getList("gex.bits")).contains(1024);
        assertThat(report.getList("compliance.findings.ruleId")).contains("gex-group-2048");
    }

    @Test
    void theHostReportCarriesTheStoredKeysAndGroupSizesUnderTheCliFieldNames() {
        JsonPath report = Api.host(originalId);
        assertThat(report.getList("hostKeys.algorithm")).containsExactly("rsa-sha2-512");
        assertThat(report.getString("hostKeys[0].type")).isEqualTo("ssh-rsa");
        assertThat(report.getInt("hostKeys[0].bits")).isEqualTo(2048);
        assertThat(report.getString("hostKeys[0].fingerprint")).isEqualTo(fingerprint(SHARED));
        assertThat(report.getBoolean("hostKeys[0].signatureVerified")).isTrue();
        assertThat(report.getString("hostKeys[0].outcome")).isEqualTo("OK");
        assertThat(report.getList("gex.min", Integer.class)).containsExactly(512, 1024, 2048, 4096, 8192);
        assertThat(report.getList("gex.algorithm")).containsOnly("diffie-hellman-group-exchange-sha256");
        assertThat(report.getList("gex.bits")).isNotEmpty().anySatisfy(bits -> assertThat(bits).isNotNull());

        JsonPath weak = Api.host(sshdId);
        assertThat(weak.getList("hostKeys.algorithm")).contains("rsa-sha2-512", "ssh-ed25519",
                "ssh-ed25519-cert-v01@openssh.com");
        assertThat(weak.getInt("hostKeys.find { it.algorithm == 'rsa-sha2-512' }.bits")).isEqualTo(1024);
        assertThat(weak.getString("hostKeys.find { it.certificate != null }.certificate.keyId"))
                .isEqualTo(HOSTILE_KEY_ID);
    }

    @Test
    void theOneThousandTwentyFourBitRsaHostFailsTheBaselineInTheServiceReport() {
        JsonPath weak = Api.host(sshdId);
        assertThat(weak.getString("compliance.state")).isEqualTo("non_compliant");
        assertThat(weak.getList("compliance.findings.ruleId")).contains("rsa-host-key-2048", "cert-expiry");
        assertThat(weak.getString("compliance.findings.find { it.ruleId == 'rsa-host-key-2048' }.severity"))
                .isEqualTo("high");
        assertThat(Api.host(originalId).getList("compliance.findings.ruleId")).doesNotContain("rsa-host-key-2048");
        List<String> nonCompliant = given().queryParam("label", "suite=" + SUITE).get("/api/reports/non-compliant")
                .then().statusCode(200).extract().jsonPath().getList("items.findings.ruleId.flatten()");
        assertThat(nonCompliant).contains("rsa-host-key-2048");
    }

    @Test
    void hostsSharingOneKeyOnTwoAddressesAreOneSharedKeyInJsonAndCsv() throws IOException {
        String shared = fingerprint(SHARED);
        assertThat(sharedBefore.getList("fingerprint")).contains(shared);
        assertThat(sharedBefore.getList("find { it.fingerprint == '" + shared + "' }.hosts.hostId", Long.class))
                .containsExactlyInAnyOrder(originalId, cloneId);
        assertThat(sharedBefore.getList("find { it.fingerprint == '" + shared + "' }.hosts.address"))
                .containsExactlyInAnyOrder("127.0.0.1", CLONE_ADDRESS);
        List<CSVRecord> rows = csv(sharedCsvBefore);
        assertThat(rows).filteredOn(r -> r.get("fingerprint").equals(shared)).extracting(r -> r.get("host_id"))
                .containsExactlyInAnyOrder(String.valueOf(originalId), String.valueOf(cloneId));
        // after the clone got its own key, nothing is shared any more
        assertThat(given().get("/api/reports/host-keys/shared").then().statusCode(200).extract().jsonPath()
                .getList("fingerprint")).doesNotContain(shared, fingerprint(REPLACEMENT));
    }

    @Test
    void aKeyThatChangedShowsInTheViewInDriftAndInChanges() throws IOException {
        JsonPath changes = given().queryParam("scan", secondScan).get("/api/reports/host-keys/changes").then()
                .statusCode(200).extract().jsonPath();
        assertThat(changes.getList("hostId", Long.class)).containsExactly(cloneId);
        assertThat(changes.getLong("[0].scanId")).isEqualTo(secondScan);
        assertThat(changes.getString("[0].changes[0].algorithm")).isEqualTo("rsa-sha2-512");
        assertThat(changes.getString("[0].changes[0].change")).isEqualTo("CHANGED");
        assertThat(changes.getString("[0].changes[0].from")).isEqualTo(fingerprint(SHARED));
        assertThat(changes.getString("[0].changes[0].to")).isEqualTo(fingerprint(REPLACEMENT));
        List<CSVRecord> rows = csv(given().accept("text/csv").queryParam("scan", secondScan)
                .get("/api/reports/host-keys/changes").then().statusCode(200).extract().asString());
        assertThat(rows).extracting(r -> r.get("change")).containsExactly("CHANGED");

        JsonPath drift = given().get("/api/reports/hosts/" + cloneId + "/drift").then().statusCode(200).extract()
                .jsonPath();
        assertThat(drift.getList("hostKeys.change")).containsExactly("CHANGED");
        assertThat(drift.getString("hostKeys[0].to")).isEqualTo(fingerprint(REPLACEMENT));
        assertThat(given().get("/api/reports/hosts/" + originalId + "/drift").then().statusCode(200).extract()
                .jsonPath().getList("hostKeys")).isEmpty();

        // the clone's KEXINIT did not change: /changes lists it for its host key alone
        JsonPath all = given().queryParam("scan", secondScan).get("/api/reports/changes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getList("items.hostId", Long.class)).contains(cloneId).doesNotContain(originalId, sshdId);
        assertThat(all.getList("items.find { it.hostId == " + cloneId + " }.hostKeys.change"))
                .containsExactly("CHANGED");
    }

    @Test
    void keysAndGroupsBySize() {
        JsonPath sizes = given().get("/api/reports/host-keys/sizes").then().statusCode(200).extract().jsonPath();
        assertThat(sizes.getLong("hostKeys.find { it.type == 'ssh-rsa' && it.bits == 1024 }.hosts")).isEqualTo(1);
        assertThat(sizes.getLong("hostKeys.find { it.type == 'ssh-rsa' && it.bits == 2048 }.hosts")).isEqualTo(2);
        assertThat(sizes.getList("groups")).isNotEmpty();
    }

    @Test
    void certificatesExpiringWithinTheDaysAskedForWithTheirHostileKeyIdNeutralisedInCsv() throws IOException {
        JsonPath month = given().queryParam("days", 30).get("/api/reports/host-keys/certificates").then()
                .statusCode(200).extract().jsonPath();
        assertThat(month.getList("hostId", Long.class)).containsExactly(sshdId);
        assertThat(month.getString("[0].certificate.keyId")).isEqualTo(HOSTILE_KEY_ID);
        assertThat(month.getString("[0].certificate.ca.type")).isEqualTo("ssh-ed25519");
        assertThat(given().queryParam("days", 5).get("/api/reports/host-keys/certificates").then().statusCode(200)
                .extract().jsonPath().getList("hostId")).isEmpty();
        List<CSVRecord> rows = csv(given().accept("text/csv").queryParam("days", 30)
                .get("/api/reports/host-keys/certificates").then().statusCode(200).extract().asString());
        assertThat(rows).extracting(r -> r.get("key_id")).containsExactly("'" + HOSTILE_KEY_ID);
        given().queryParam("days", -1).get("/api/reports/host-keys/certificates").then().statusCode(400);
    }

    @Test
    void metricsCountSharedWeakAndChangedHostKeys() {
        assertThat(gauge(metricsBefore, "kexwatch_hosts_shared_host_key")).isEqualTo(2);
        assertThat(gauge(metricsBefore, "kexwatch_hosts_weak_host_key")).isEqualTo(1);
        assertThat(gauge(metricsBefore, "kexwatch_host_key_changes")).isEqualTo(0);
        String after = metricsAfter;
        assertThat(gauge(after, "kexwatch_hosts_shared_host_key")).isEqualTo(0);
        assertThat(gauge(after, "kexwatch_hosts_weak_host_key")).isEqualTo(1);
        assertThat(gauge(after, "kexwatch_host_key_changes")).isEqualTo(1);
    }

    @Test
    void aHostIsClaimedForItsDeepHandshakeOncePerPeriodAcrossReplicas() {
        Instant now = Instant.now().plus(Duration.ofDays(1)); // past whatever the passes above left due
        Duration day = Duration.ofHours(24);
        assertThat(deepStore.claim(sshdId, now, now.plus(day))).isTrue();
        assertThat(deepStore.claim(sshdId, now.plus(Duration.ofHours(23)), now.plus(day).plus(day))).isFalse();
        assertThat(deepStore.claim(sshdId, now.plus(day), now.plus(day).plus(day))).isTrue();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).map(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not exported"));
    }

    private static String fingerprint(KeyPair key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key.getPublic());
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }
}
