package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.testsupport.CertifiedMinaServer;
import dev.kexwatch.testsupport.HostKeyFiles;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.KexReplies;
import dev.kexwatch.testsupport.OpenSshServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scan --deep}: hostKeys and gex in JSON and the table, and the baseline's deep rules in the exit code. */
class ScanDeepTest {

    private static final List<String> SCAN = List.of("scan", "--timeout", "10", "--policy", "baseline");

    @Test
    void aServerWhoseOnlyRsaKeyIs1024BitsFailsTheBaselineOnlyWhenScannedDeep() throws Exception {
        HostKeyFiles files = new HostKeyFiles();
        Path rsa = files.generate("rsa1024", "rsa", 1024);
        Path ed = files.generate("ed25519", "ed25519", 0);
        Path ca = files.generate("ca", "ed25519", 0);
        Path cert = files.certify(ca, ed, "web-1", 7, "web-1.example", "-1d:+10d");
        // Strong algorithms only: the KEXINIT alone gives the baseline nothing to fail.
        try (OpenSshServer sshd = OpenSshServer.startWithHostKeys(List.of(ed, rsa), "HostCertificate " + cert,
                "KexAlgorithms curve25519-sha256", "Ciphers aes256-gcm@openssh.com", "MACs hmac-sha2-512-etm@openssh.com")) {
            CliRun shallow = CliRun.of(SCAN, "--json", sshd.target().toString());
            assertThat(shallow.code()).as(shallow.out()).isZero();
            assertThat(shallow.json().get(0).has("hostKeys")).isFalse();

            CliRun deep = CliRun.of(SCAN, "--json", "--deep", sshd.target().toString());
            assertThat(deep.code()).as(deep.out() + deep.err()).isEqualTo(3);
            JsonNode host = deep.json().get(0);
            assertThat(host.get("gex")).isEmpty();
            List<String> rules = new ArrayList<>();
            host.get("policy").get("findings").forEach(f -> rules.add(f.get("rule").asText()));
            assertThat(rules).contains("rsa-host-key-2048", "rsa-host-key-3072", "cert-expiry");
            JsonNode rsaKey = find(host.get("hostKeys"), "rsa-sha2-512");
            assertThat(rsaKey.get("bits").asInt()).isEqualTo(1024);
            assertThat(rsaKey.get("type").asText()).isEqualTo("ssh-rsa");
            assertThat(rsaKey.get("signatureVerified").asBoolean()).isTrue();
            assertThat(files.fingerprintLine(Path.of(rsa + ".pub"))).contains(rsaKey.get("fingerprint").asText());
            assertThat(rsaKey.get("certificate").isNull()).isTrue();
            JsonNode certified = find(host.get("hostKeys"), "ssh-ed25519-cert-v01@openssh.com").get("certificate");
            assertThat(certified.get("keyId").asText()).isEqualTo("web-1");
            assertThat(certified.get("serial").asText()).isEqualTo("7");
            assertThat(certified.get("principals").get(0).asText()).isEqualTo("web-1.example");
            assertThat(certified.get("ca").get("type").asText()).isEqualTo("ssh-ed25519");
            assertThat(certified.get("ca").get("bits").asInt()).isEqualTo(256);
            assertThat(certified.get("signatureVerified").asBoolean()).isTrue();
            assertThat(rules).doesNotContain("host-key-signatures");

            CliRun table = CliRun.of(SCAN, "--deep", "--detail", sshd.target().toString());
            assertThat(table.out()).contains("host key", "1024-bit ssh-rsa " + rsaKey.get("fingerprint").asText(),
                    "certificate", "'web-1' serial 7");
        }
    }

    @Test
    void aServerHandingOut1024BitGroupsFailsTheBaseline() throws Exception {
        try (HostileSshServer server = KexReplies.groupOf(1024)) {
            CliRun deep = CliRun.of(SCAN, "--json", "--deep", server.target().toString());
            assertThat(deep.out()).contains("\"gex\"");
            JsonNode host = deep.json().get(0);
            assertThat(host.get("gex")).hasSize(5).allSatisfy(g -> assertThat(g.get("bits").asInt()).isEqualTo(1024));
            assertThat(host.get("gex").get(0).get("min").asInt()).isEqualTo(512);
            List<String> rules = new ArrayList<>();
            host.get("policy").get("findings").forEach(f -> rules.add(f.get("rule").asText()));
            assertThat(rules).contains("gex-group-2048");
            assertThat(deep.code()).isEqualTo(3);
        }
    }

    @Test
    void aForgedHostCertificateIsShownAndFailsTheBaseline() throws Exception {
        try (CertifiedMinaServer server = CertifiedMinaServer.tampered()) {
            CliRun deep = CliRun.of(SCAN, "--json", "--deep", server.target().toString());
            JsonNode certified = find(deep.json().get(0).get("hostKeys"), CertifiedMinaServer.CERT_ALGORITHM)
                    .get("certificate");
            assertThat(certified.get("keyId").asText()).isEqualTo("forged-host");
            assertThat(certified.get("signatureVerified").asBoolean()).isFalse();
            List<String> rules = new ArrayList<>();
            deep.json().get(0).get("policy").get("findings").forEach(f -> rules.add(f.get("rule").asText()));
            assertThat(rules).contains("host-key-signatures");
            assertThat(deep.code()).isEqualTo(3);
            CliRun table = CliRun.of(SCAN, "--deep", "--detail", server.target().toString());
            assertThat(table.out()).contains("'forged-host' serial 77", "(CA signature NOT verified)");
        }
    }

    private static JsonNode find(JsonNode keys, String algorithm) {
        for (JsonNode key : keys) {
            if (key.get("algorithm").asText().equals(algorithm)) {
                return key;
            }
        }
        throw new AssertionError("no " + algorithm + " in " + keys);
    }
}
