package dev.kexwatch.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.ShippedPolicies;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.testsupport.CertifiedMinaServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The CA signature of a host certificate is checked over the certificate body: a MINA SSHD server whose
 * certificate is genuine verifies; one whose key id was changed after the CA signed it does not, and the
 * baseline's host-key-signatures rule says so while every field is still recorded.
 */
class CertificateSignatureTest {

    @Test
    void aGenuineCertificateVerifiesAndFindsNothing() {
        try (CertifiedMinaServer server = CertifiedMinaServer.genuine()) {
            DeepResult deep = deep(server);
            HostCertificate cert = certificate(deep);
            assertThat(cert.keyId()).isEqualTo("mina-host");
            assertThat(cert.signatureVerified()).isTrue();
            assertThat(rules(deep, server)).doesNotContain("host-key-signatures");
        }
    }

    @Test
    void aTamperedCertificateIsRecordedAsNotVerifiedAndIsAFinding() {
        try (CertifiedMinaServer server = CertifiedMinaServer.tampered()) {
            DeepResult deep = deep(server);
            HostKey certified = deep.hostKeys().stream()
                    .filter(k -> k.algorithm().equals(CertifiedMinaServer.CERT_ALGORITHM)).findFirst().orElseThrow();
            assertThat(certified.outcome()).as(certified.detail()).isEqualTo(DeepOutcome.OK);
            assertThat(certified.signatureVerified()).isTrue(); // the host key itself signed the exchange hash
            HostCertificate cert = certified.certificate().orElseThrow();
            assertThat(cert.keyId()).isEqualTo("forged-host");
            assertThat(cert.serial()).isEqualTo(77);
            assertThat(cert.signatureVerified()).isFalse();
            assertThat(cert.ca().fingerprint()).isEqualTo(KeyFacts.fingerprint(server.certificate().getCaPubKey()));
            assertThat(rules(deep, server)).contains("host-key-signatures");
        }
    }

    private static DeepResult deep(CertifiedMinaServer server) {
        ServerOffer offer;
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 1, 256 * 1024))) {
            offer = engine.probe(server.target()).join().offer().orElseThrow();
        }
        assertThat(offer.get(dev.kexwatch.algorithm.KexList.HOST_KEY)).contains(CertifiedMinaServer.CERT_ALGORITHM);
        try (DeepProber prober = new DeepProber(Duration.ofSeconds(10))) {
            return prober.probe(new InetSocketAddress(server.target().host(), server.target().port()), offer);
        }
    }

    private static HostCertificate certificate(DeepResult deep) {
        return deep.hostKeys().stream().flatMap(k -> k.certificate().stream()).findFirst().orElseThrow();
    }

    private static java.util.List<String> rules(DeepResult deep, CertifiedMinaServer server) {
        return new PolicyEngine().evaluate(ShippedPolicies.byId("baseline").orElseThrow(), Optional.empty(), "2.0",
                Optional.of(deep), new HostRef(server.target().host(), server.target().port(), Map.of()),
                LocalDate.now()).findings().stream().map(Finding::ruleId).toList();
    }
}
