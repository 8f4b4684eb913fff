package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetWhatIfTest {

    private static final ServerOffer MODERN = Seeds.offer("curve25519-sha256,ecdh-sha2-nistp256,diffie-hellman-group14-sha256,kex-strict-s-v00@openssh.com",
            "ssh-ed25519,rsa-sha2-512,rsa-sha2-256", "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-ctr,aes256-ctr",
            "hmac-sha2-256-etm@openssh.com,hmac-sha2-256,hmac-sha1", "none,zlib@openssh.com");

    private final Negotiator negotiator = new Negotiator();
    private final ClientProfiles profiles = ClientProfiles.builtIn();
    private final List<ClientProfile> clients = List.of(profile("openssh-9.2"), profile("jsch-0.1.55"),
            profile("seed-cerberus-client"));
    private final List<HostOffer> fleet = List.of(new HostOffer("web-1", MODERN),
            new HostOffer("ftp-legacy", Seeds.CERBERUS_SERVER));

    private ClientProfile profile(String id) {
        return profiles.find(id).orElseThrow();
    }

    @Test
    void matrixSaysWhoCannotReachWhere() {
        FleetMatrix matrix = FleetMatrix.compute(negotiator, clients, fleet);
        assertThat(matrix.cells()).hasSize(6);
        assertThat(matrix.unreachable("openssh-9.2")).containsExactly("ftp-legacy");
        assertThat(matrix.unreachable("jsch-0.1.55")).containsExactly("web-1");
        assertThat(matrix.unreachable("seed-cerberus-client")).containsExactly("web-1", "ftp-legacy");
        assertThat(matrix.cells()).anySatisfy(cell -> {
            assertThat(cell.profileId() + " " + cell.hostId()).isEqualTo("jsch-0.1.55 web-1");
            assertThat(cell.works()).isFalse();
            assertThat(cell.failingList().map(l -> l.key())).contains("host_key");
        });
    }

    @Test
    void droppingSha1RsaSignaturesBreaksOnlyTheClientThatNeedsThem() {
        WhatIf whatIf = WhatIf.evaluate(negotiator, clients, fleet,
                SshdConfigChange.parse("# as OpenSSH 8.8 did\nHostKeyAlgorithms rsa-sha2-512,rsa-sha2-256\n"));
        assertThat(whatIf.newlyBroken()).extracting(MatrixCell::profileId, MatrixCell::hostId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jsch-0.1.55", "ftp-legacy"));
        assertThat(whatIf.newlyBroken().get(0).failingList()).contains(KexList.HOST_KEY);
        assertThat(whatIf.newlyFixed()).as("OpenSSH 8.8+ refuses ssh-rsa; rsa-sha2-512 lets it in")
                .extracting(MatrixCell::profileId, MatrixCell::hostId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("openssh-9.2", "ftp-legacy"));
    }

    @Test
    void addingACipherFixesTheSeedClient() {
        WhatIf whatIf = WhatIf.evaluate(negotiator, clients, fleet, SshdConfigChange.parse("Ciphers +aes128-ctr"));
        assertThat(whatIf.newlyFixed()).extracting(MatrixCell::profileId, MatrixCell::hostId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("seed-cerberus-client", "ftp-legacy"));
    }

    @Test
    void sshdConfigPrefixesFollowSshdConfig5AndKeepSignalsLast() {
        List<String> kex = List.of("curve25519-sha256", "ecdh-sha2-nistp256", "kex-strict-s-v00@openssh.com");
        assertThat(SshdConfigChange.change(kex, "+diffie-hellman-group14-sha1"))
                .containsExactly("curve25519-sha256", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha1", "kex-strict-s-v00@openssh.com");
        assertThat(SshdConfigChange.change(kex, "^ecdh-sha2-nistp256"))
                .containsExactly("ecdh-sha2-nistp256", "curve25519-sha256", "kex-strict-s-v00@openssh.com");
        assertThat(SshdConfigChange.change(kex, "-ecdh-*,*strict*"))
                .containsExactly("curve25519-sha256", "kex-strict-s-v00@openssh.com");
        assertThat(SshdConfigChange.change(kex, "mlkem768x25519-sha256"))
                .containsExactly("mlkem768x25519-sha256", "kex-strict-s-v00@openssh.com");
    }

    @Test
    void firstLineForAKeywordWinsAndUnknownKeywordsAreRejected() {
        ServerOffer changed = SshdConfigChange.parse("Ciphers aes256-ctr\nciphers aes128-ctr\n").apply(MODERN);
        assertThat(changed.get(KexList.CIPHER_C2S)).containsExactly("aes256-ctr");
        assertThat(changed.get(KexList.CIPHER_S2C)).containsExactly("aes256-ctr");
        assertThatThrownBy(() -> SshdConfigChange.parse("\nPermitRootLogin no"))
                .hasMessageStartingWith("line 2: 'PermitRootLogin' is not one of");
    }
}
