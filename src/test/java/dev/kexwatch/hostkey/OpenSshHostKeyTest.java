package dev.kexwatch.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.testsupport.HostKeyFiles;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Processes;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's OpenSSH with a key of every type (RSA only 1024 bits, DSA, ECDSA on all three curves, Ed25519)
 * and an Ed25519 host certificate: the deep handshake's keys, sizes and fingerprints equal what
 * {@code ssh-keyscan} + {@code ssh-keygen -lf} and {@code ssh-keygen -L} say of the same server.
 */
class OpenSshHostKeyTest {

    private static final Pattern KEYGEN_LINE = Pattern.compile("(\\d+) (SHA256:\\S+) .*\\((\\S+)\\)");

    private static HostKeyFiles files;
    private static Path cert;
    private static Map<String, Path> keys;
    private static OpenSshServer sshd;
    private static DeepResult result;

    @BeforeAll
    static void start() throws Exception {
        files = new HostKeyFiles();
        keys = Map.of("ssh-rsa", files.generate("rsa1024", "rsa", 1024),
                "ssh-dss", files.generate("dsa", "dsa", 0),
                "ecdsa-sha2-nistp256", files.generate("p256", "ecdsa", 256),
                "ecdsa-sha2-nistp384", files.generate("p384", "ecdsa", 384),
                "ecdsa-sha2-nistp521", files.generate("p521", "ecdsa", 521),
                "ssh-ed25519", files.generate("ed25519", "ed25519", 0));
        Path ca = files.generate("ca", "ecdsa", 384);
        cert = files.certify(ca, keys.get("ssh-ed25519"), "kexwatch test host", 4242, "localhost,127.0.0.1",
                "-1d:+30d");
        sshd = OpenSshServer.startWithHostKeys(List.copyOf(keys.values()), "HostCertificate " + cert,
                "HostKeyAlgorithms +ssh-dss,ssh-rsa", "KexAlgorithms +diffie-hellman-group-exchange-sha1");
        ServerOffer offer;
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 4, 256 * 1024))) {
            offer = engine.probe(sshd.target()).join().offer().orElseThrow();
        }
        try (DeepProber prober = new DeepProber(Duration.ofSeconds(10))) {
            result = prober.probe(new InetSocketAddress(sshd.target().host(), sshd.port()), offer);
        }
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void oneVerifiedExchangePerKeyFamilyAndTheCertificate() {
        assertThat(result.hostKeys()).extracting(HostKey::algorithm).containsExactlyInAnyOrder(
                "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
                "ecdsa-sha2-nistp521", "rsa-sha2-512", "ssh-dss");
        assertThat(result.hostKeys()).allSatisfy(key -> {
            assertThat(key.outcome()).as(key.algorithm() + ": " + key.detail()).isEqualTo(DeepOutcome.OK);
            assertThat(key.signatureVerified()).isTrue();
        });
    }

    @Test
    void sizesAndFingerprintsEqualSshKeygenOnTheKeyFiles() {
        for (HostKey found : result.hostKeys()) {
            String type = KeyFacts.keyTypeFor(found.algorithm());
            Matcher keygen = KEYGEN_LINE.matcher(files.fingerprintLine(Path.of(keys.get(type) + ".pub")));
            assertThat(keygen.matches()).isTrue();
            KeyInfo key = found.key().orElseThrow();
            assertThat(key.type()).isEqualTo(type);
            assertThat(key.bits()).as(found.algorithm()).isEqualTo(Integer.parseInt(keygen.group(1)));
            assertThat(key.fingerprint()).as(found.algorithm()).isEqualTo(keygen.group(2));
        }
        assertThat(byAlgorithm("rsa-sha2-512").key().orElseThrow().bits()).isEqualTo(1024);
    }

    @Test
    void fingerprintsEqualSshKeyscanOnTheServer() {
        String scanned = Processes.run(List.of("ssh-keyscan", "-p", String.valueOf(sshd.port()), "-t",
                "rsa,dsa,ecdsa,ed25519", sshd.target().host()), files.dir());
        Path scan = files.dir().resolve("keyscan.txt");
        writeString(scan, scanned);
        Map<String, String> keyscan = new HashMap<>();
        for (String line : files.fingerprintLine(scan).split("\n")) {
            Matcher m = KEYGEN_LINE.matcher(line.strip());
            assertThat(m.matches()).as(line).isTrue();
            keyscan.put(m.group(2), m.group(1));
        }
        assertThat(keyscan).hasSizeGreaterThanOrEqualTo(4);
        Map<String, String> ours = new HashMap<>();
        result.hostKeys().forEach(k -> ours.put(k.key().orElseThrow().fingerprint(),
                String.valueOf(k.key().orElseThrow().bits())));
        assertThat(ours).containsAllEntriesOf(keyscan);
    }

    @Test
    void certificateFieldsEqualSshKeygenL() {
        HostKey certified = byAlgorithm("ssh-ed25519-cert-v01@openssh.com");
        HostCertificate c = certified.certificate().orElseThrow();
        String listing = files.certificateText(cert);
        assertThat(listing).contains("Key ID: \"" + c.keyId() + "\"");
        assertThat(listing).contains("Serial: " + c.serial());
        assertThat(c.serial()).isEqualTo(4242);
        assertThat(listing).contains("Type: ssh-ed25519-cert-v01@openssh.com " + c.certType() + " certificate");
        assertThat(c.principals()).containsExactly("localhost", "127.0.0.1");
        assertThat(listing).contains("Signing CA: ECDSA " + c.ca().fingerprint());
        assertThat(c.ca().bits()).isEqualTo(384);
        assertThat(c.ca().type()).isEqualTo("ecdsa-sha2-nistp384");
        assertThat(c.signatureVerified()).as("the ssh-keygen -s CA's signature over the certificate").isTrue();
        Matcher valid = Pattern.compile("Valid: from (\\S+) to (\\S+)").matcher(listing);
        assertThat(valid.find()).isTrue();
        assertThat(c.validAfter()).isEqualTo(local(valid.group(1)));
        assertThat(c.validBefore()).isEqualTo(local(valid.group(2)));
        assertThat(certified.key().orElseThrow().fingerprint())
                .isEqualTo(byAlgorithm("ssh-ed25519").key().orElseThrow().fingerprint());
    }

    @Test
    void groupExchangeSizesEqualOpenSshClamping() {
        assertThat(result.gexAlgorithm()).isEqualTo("diffie-hellman-group-exchange-sha256");
        // OpenSSH refuses requests whose max is under 2048 and answers the others from /etc/ssh/moduli.
        assertThat(result.gex()).extracting(g -> g.bits().orElse(0)).containsExactly(0, 0, 2048, 4096, 8192);
        assertThat(result.gex().get(0).outcome()).isEqualTo(DeepOutcome.GROUP_REFUSED);
        assertThat(result.smallestGroup()).contains(2048);
    }

    @Test
    void groupSizeAndFingerprintsEqualSshAuditsOnTheSameServer() throws Exception {
        JsonNode audit = SshAudit.json(sshd.target(), files.dir());
        int compared = 0;
        for (JsonNode kex : audit.get("kex")) {
            if (kex.get("algorithm").asText().startsWith("diffie-hellman-group-exchange")) {
                assertThat(result.smallestGroup()).contains(kex.get("keysize").asInt());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2);
        List<String> ours = result.hostKeys().stream().map(k -> k.key().orElseThrow().fingerprint()).toList();
        assertThat(audit.get("fingerprints")).isNotEmpty().allSatisfy(fp -> {
            if (fp.get("hash_alg").asText().equals("SHA256")) {
                assertThat(ours).contains("SHA256:" + fp.get("hash").asText());
            }
        });
    }

    private static HostKey byAlgorithm(String algorithm) {
        return result.hostKeys().stream().filter(k -> k.algorithm().equals(algorithm)).findFirst().orElseThrow();
    }

    /** ssh-keygen -L prints validity in local time, without a zone. */
    private static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
    }

    private static void writeString(Path path, String text) {
        try {
            java.nio.file.Files.writeString(path, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
