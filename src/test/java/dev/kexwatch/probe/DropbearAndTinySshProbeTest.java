package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.TinySshServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dropbear and tinysshd have no config dump like {@code sshd -T}; their lists are compiled in, so the
 * expectations come from the packaged versions' sources (cited per test).
 */
class DropbearAndTinySshProbeTest {

    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 4, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /**
     * Dropbear 2022.83 (Debian 2022.83-1+deb12u3): kex order from {@code common-algo.c} {@code sshkex[]}
     * with the {@code default_options.h} defaults (group1 and group16 off), then its guess signal
     * {@code kexguess2@matt.ucc.asn.au} and the strict-KEX marker Debian backported for CVE-2023-48795.
     * Host keys: only the algorithms for the keys given with {@code -r} (ed25519, ECDSA P-256, RSA), in
     * {@code sigalgs[]} order; CBC ciphers and hmac-sha2-512 are compiled out by default.
     */
    @Test
    void dropbearSendsItsCompiledInListsWithGuessAndStrictMarkers() {
        try (DropbearServer dropbear = DropbearServer.start()) {
            ProbeResult result = engine.probe(dropbear.target()).join();
            assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
            assertThat(result.identification().orElseThrow().line()).isEqualTo("SSH-2.0-dropbear_2022.83");
            ServerOffer offer = result.offer().orElseThrow();

            assertThat(offer.get(KexList.KEX)).containsExactly("curve25519-sha256", "curve25519-sha256@libssh.org",
                    "ecdh-sha2-nistp521", "ecdh-sha2-nistp384", "ecdh-sha2-nistp256",
                    "diffie-hellman-group14-sha256", "diffie-hellman-group14-sha1", "kexguess2@matt.ucc.asn.au",
                    "kex-strict-s-v00@openssh.com");
            assertThat(offer.get(KexList.HOST_KEY)).containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256",
                    "rsa-sha2-256", "ssh-rsa");
            for (KexList cipher : new KexList[] {KexList.CIPHER_C2S, KexList.CIPHER_S2C}) {
                assertThat(offer.get(cipher)).containsExactly("chacha20-poly1305@openssh.com", "aes128-ctr",
                        "aes256-ctr");
            }
            assertThat(offer.get(KexList.MAC_C2S)).containsExactly("hmac-sha1", "hmac-sha2-256");
            assertThat(offer.get(KexList.MAC_S2C)).containsExactly("hmac-sha1", "hmac-sha2-256");
            assertThat(offer.get(KexList.COMPRESSION_S2C)).containsExactly("zlib@openssh.com", "none");
            assertThat(offer.get(KexList.LANGUAGE_C2S)).isEmpty();
        }
    }

    /**
     * tinysshd 20230101: curve25519 (both names) and sntrup761x25519, ssh-ed25519 only, one AEAD cipher
     * and hmac-sha2-256, no compression (tinyssh {@code sshcrypto_*.c}). Its strict-KEX marker arrived only
     * in 20240101, so this version sends none: a real Terrapin-exposed server (chacha20-poly1305 without
     * strict KEX). Its identification carries a random comment on every connection.
     */
    @Test
    void tinysshdSendsItsMinimalListsWithoutStrictMarker() {
        try (TinySshServer tinysshd = TinySshServer.start()) {
            ProbeResult first = engine.probe(tinysshd.target()).join();
            ProbeResult second = engine.probe(tinysshd.target()).join();
            assertThat(first.outcome()).as(first.detail()).isEqualTo(ProbeOutcome.OK);
            ServerOffer offer = first.offer().orElseThrow();

            assertThat(offer.get(KexList.KEX)).containsExactly("curve25519-sha256", "curve25519-sha256@libssh.org",
                    "sntrup761x25519-sha512@openssh.com");
            assertThat(offer.get(KexList.HOST_KEY)).containsExactly("ssh-ed25519");
            assertThat(offer.get(KexList.CIPHER_C2S)).containsExactly("chacha20-poly1305@openssh.com");
            assertThat(offer.get(KexList.CIPHER_S2C)).containsExactly("chacha20-poly1305@openssh.com");
            assertThat(offer.get(KexList.MAC_S2C)).containsExactly("hmac-sha2-256");
            assertThat(offer.get(KexList.COMPRESSION_C2S)).containsExactly("none");
            assertThat(offer).isEqualTo(second.offer().orElseThrow());

            Identification id = first.identification().orElseThrow();
            assertThat(id.softwareVersion()).isEqualTo("tinyssh_20230101-1");
            assertThat(id.comment()).isNotEmpty().isNotEqualTo(second.identification().orElseThrow().comment());
        }
    }
}
