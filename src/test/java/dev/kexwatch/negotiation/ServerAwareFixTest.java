package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.testsupport.OfferFixtures;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Negotiation fixes say only what the server can enable, and speak each client's own syntax (issue 14, item 3). */
class ServerAwareFixTest {

    private final Negotiator negotiator = new Negotiator();

    private static ClientProfile client(String name, String hostKeys, String ciphers) {
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        lists.put(KexList.KEX, List.of("curve25519-sha256", "ecdh-sha2-nistp256"));
        lists.put(KexList.HOST_KEY, List.of(hostKeys.split(",")));
        lists.put(KexList.CIPHER_C2S, List.of(ciphers.split(",")));
        lists.put(KexList.CIPHER_S2C, List.of(ciphers.split(",")));
        lists.put(KexList.MAC_C2S, List.of("hmac-sha2-256"));
        lists.put(KexList.MAC_S2C, List.of("hmac-sha2-256"));
        lists.put(KexList.COMPRESSION_C2S, List.of("none"));
        lists.put(KexList.COMPRESSION_S2C, List.of("none"));
        return new ClientProfile("test", name, "1", "test", lists);
    }

    private static ServerOffer ed25519Only() {
        return OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "none");
    }

    private Fix serverFix(NegotiationResult result) {
        return result.fixes().stream().filter(f -> f.side() == Fix.Side.SERVER).findFirst().orElseThrow();
    }

    @Test
    void aMissingHostKeyTypeMeansGeneratingOneNotNamingIt() {
        ClientProfile ecdsaClient = client("OpenSSH", "ecdsa-sha2-nistp521,ssh-rsa", "aes128-ctr");
        Fix fix = serverFix(negotiator.negotiate(ecdsaClient, ed25519Only(), ServerSoftware.Kind.OPENSSH));
        assertThat(fix.name()).isEqualTo("ecdsa-sha2-nistp521");
        assertThat(fix.instruction()).contains("ssh-keygen -t ecdsa -b 521")
                .contains("HostKey /etc/ssh/ssh_host_ecdsa_key").doesNotContain("HostKeyAlgorithms");
    }

    @Test
    void aKeyTheServerHasOnlyNeedsTheSignatureAllowed() {
        ServerOffer rsaSha1 = OfferFixtures.offer("curve25519-sha256", "ssh-rsa", "aes128-ctr", "hmac-sha2-256",
                "none");
        Fix fix = serverFix(negotiator.negotiate(client("OpenSSH", "rsa-sha2-512", "aes128-ctr"), rsaSha1,
                ServerSoftware.Kind.OPENSSH));
        assertThat(fix.instruction()).isEqualTo("sshd_config: HostKeyAlgorithms +rsa-sha2-512");
    }

    @Test
    void tinysshdHasNoRsaSoNoServerFixSaysSo() {
        NegotiationResult result = negotiator.negotiate(client("JSch", "ssh-rsa", "aes128-ctr"), ed25519Only(),
                ServerSoftware.Kind.TINYSSH);
        assertThat(result.failure().orElseThrow().list()).isEqualTo(KexList.HOST_KEY);
        assertThat(result.fixes()).noneMatch(f -> f.side() == Fix.Side.SERVER);
        assertThat(result.fixes()).noneMatch(f -> f.instruction().contains("sshd_config"));
    }

    @Test
    void tinysshdCiphersAreFixedSoOnlyTheClientCanMove() {
        ServerOffer chachaOnly = OfferFixtures.offer("curve25519-sha256", "ssh-ed25519",
                "chacha20-poly1305@openssh.com", "hmac-sha2-256", "none");
        NegotiationResult result = negotiator.negotiate(client("PuTTY", "ssh-ed25519", "aes128-ctr"), chachaOnly,
                ServerSoftware.Kind.TINYSSH);
        assertThat(result.fixes()).extracting(Fix::side, Fix::instruction).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Fix.Side.CLIENT, "PuTTY: Connection > SSH > Cipher, move "
                        + "chacha20-poly1305@openssh.com above the \"warn below here\" line"));
    }

    @Test
    void clientFixesSpeakTheClientsOwnConfiguration() {
        ServerOffer gcm = OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes256-gcm@openssh.com",
                "hmac-sha2-256", "none");
        assertThat(clientFix("OpenSSH", gcm)).isEqualTo("ssh -o Ciphers=+aes256-gcm@openssh.com");
        assertThat(clientFix("JSch", gcm)).isEqualTo("JSch: session.setConfig(\"cipher.s2c\", "
                + "session.getConfig(\"cipher.s2c\") + \",aes256-gcm@openssh.com\")");
        assertThat(clientFix("Paramiko", gcm)).startsWith("Paramiko: opts = transport.get_security_options(); "
                + "opts.ciphers = opts.ciphers + (\"aes256-gcm@openssh.com\",)");
        assertThat(clientFix("WinSCP", gcm)).startsWith("WinSCP: Connection > SSH > Cipher");
    }

    private String clientFix(String clientName, ServerOffer offer) {
        return negotiator.negotiate(client(clientName, "ssh-ed25519", "aes128-ctr"), offer, ServerSoftware.Kind.OTHER)
                .fixes().stream().filter(f -> f.side() == Fix.Side.CLIENT).findFirst().orElseThrow().instruction();
    }

    @Test
    void aeadComesFromTheCatalog() {
        assertThat(Negotiator.isAead("aes256-gcm@openssh.com")).isTrue();
        assertThat(Negotiator.isAead("AEAD_AES_256_GCM")).isTrue();
        assertThat(Negotiator.isAead("chacha20-poly1305")).isTrue();
        assertThat(Negotiator.isAead("aes256-ctr")).isFalse();
    }
}
