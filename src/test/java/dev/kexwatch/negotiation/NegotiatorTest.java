package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import org.junit.jupiter.api.Test;

class NegotiatorTest {

    private final ClientProfiles profiles = ClientProfiles.builtIn();
    private final Negotiator negotiator = new Negotiator();

    private ClientProfile profile(String id) {
        return profiles.find(id).orElseThrow();
    }

    /** The gauges' short answer is the full negotiation's, for every built-in client against every captured server. */
    @Test
    void agreesIsTheFullNegotiationsVerdict() {
        java.util.List<ServerOffer> offers = new java.util.ArrayList<>(dev.kexwatch.testsupport.OfferFixtures.CAPTURED
                .stream().map(dev.kexwatch.testsupport.OfferFixtures::captured).toList());
        offers.add(Seeds.CERBERUS_SERVER);
        int agreeing = 0;
        int failing = 0;
        for (ClientProfile client : profiles.all()) {
            for (ServerOffer offer : offers) {
                boolean ok = negotiator.negotiate(client, offer).ok();
                assertThat(negotiator.agrees(client, offer)).as("%s against %s", client.id(), offer).isEqualTo(ok);
                agreeing += ok ? 1 : 0;
                failing += ok ? 0 : 1;
            }
        }
        assertThat(agreeing).as("pairs that agree").isPositive();
        assertThat(failing).as("pairs that fail").isPositive();
    }

    @Test
    void seedClientFailsOnCipherAsTheSupportArticleExplains() {
        NegotiationResult r = negotiator.negotiate(profile("seed-cerberus-client"), Seeds.CERBERUS_SERVER);
        assertThat(r.ok()).isFalse();
        assertThat(r.get(KexList.KEX)).contains("ecdh-sha2-nistp256");
        assertThat(r.get(KexList.HOST_KEY)).contains("ssh-rsa");
        assertThat(r.failure().orElseThrow().list()).isEqualTo(KexList.CIPHER_S2C);
        assertThat(r.failure().orElseThrow().openSshMessage("sftp.example", 22)).isEqualTo(
                "Unable to negotiate with sftp.example port 22: no matching cipher found. Their offer: aes256-ctr,aes256-cbc");
        assertThat(r.mismatches()).extracting(Mismatch::list).containsExactly(KexList.CIPHER_C2S, KexList.CIPHER_S2C);
        assertThat(r.seedLines()).containsExactly(
                "No common C2S cipher: [S: aes256-ctr,aes256-cbc] [C: aes128-ctr,aes128-cbc,3des-ctr,3des-cbc,blowfish-cbc]",
                "No common S2C cipher: [S: aes256-ctr,aes256-cbc] [C: aes128-ctr,aes128-cbc,3des-ctr,3des-cbc,blowfish-cbc]",
                "Key exchange failed: Could not agree on key exchange parameters");
    }

    @Test
    void fixAddsTheStrongestNameTheOtherSideAlreadyHas() {
        NegotiationResult r = negotiator.negotiate(profile("seed-cerberus-client"), Seeds.CERBERUS_SERVER);
        assertThat(r.fixes()).extracting(Fix::side, Fix::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Fix.Side.CLIENT, "aes256-ctr"),
                        org.assertj.core.groups.Tuple.tuple(Fix.Side.SERVER, "aes128-ctr"));
        assertThat(r.fixes().get(1).instruction()).isEqualTo("sshd_config: Ciphers +aes128-ctr");
    }

    @Test
    void openSshClientFixIsAnSshOption() {
        ServerOffer cbcOnly = Seeds.offer("curve25519-sha256", "ssh-ed25519", "aes256-cbc,aes128-cbc", "hmac-sha2-256", "none");
        NegotiationResult r = negotiator.negotiate(profile("openssh-9.2"), cbcOnly);
        assertThat(r.failure().orElseThrow().openSshReason()).isEqualTo("no matching cipher found");
        assertThat(r.fixes().get(0).instruction()).isEqualTo("ssh -o Ciphers=+aes256-cbc");
    }

    @Test
    void seedMacFormIsReproducedWithTheTrailingEmptyName() {
        NegotiationResult r = negotiator.negotiate(profile("putty-0.70"), Seeds.RIPEMD_ONLY_SERVER);
        assertThat(r.seedLines()).first().isEqualTo("No common C2S mac: [S: hmac-ripemd160@openssh.com,] "
                + "[C: hmac-sha2-256,hmac-sha1,hmac-sha1-96,hmac-md5,hmac-sha2-256-etm@openssh.com,"
                + "hmac-sha1-etm@openssh.com,hmac-sha1-96-etm@openssh.com,hmac-md5-etm@openssh.com]");
        assertThat(r.failure().orElseThrow().list()).isEqualTo(KexList.MAC_S2C);
        assertThat(r.get(KexList.CIPHER_S2C)).contains("aes256-ctr");
        assertThat(r.get(KexList.CIPHER_C2S)).as("never reached after the s2c MAC failed").isEmpty();
    }

    @Test
    void macIsNotNegotiatedForAnAeadCipher() {
        ServerOffer gcm = Seeds.offer("curve25519-sha256", "ssh-ed25519", "aes256-gcm@openssh.com", "umac-128@openssh.com", "none");
        NegotiationResult r = negotiator.negotiate(profile("openssh-9.2"), gcm);
        assertThat(r.ok()).isTrue();
        assertThat(r.get(KexList.MAC_C2S)).isEmpty();
        assertThat(r.macLabel(Direction.S2C)).contains("<implicit>");
        NegotiationResult go = negotiator.negotiate(profile("go-x-crypto"), gcm);
        assertThat(go.failure().orElseThrow().list()).isEqualTo(KexList.CIPHER_S2C);
    }

    @Test
    void signalNamesAreNeverChosenButReported() {
        ServerOffer onlySignals = Seeds.offer("ext-info-c,kex-strict-c-v00@openssh.com,curve25519-sha256,kex-strict-s-v00@openssh.com",
                "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "none");
        NegotiationResult r = negotiator.negotiate(profile("openssh-9.2"), onlySignals);
        assertThat(r.get(KexList.KEX)).contains("curve25519-sha256");
        assertThat(r.signals().strictKex()).isTrue();
        assertThat(r.signals().clientExtInfo()).isTrue();
        NegotiationResult noStrict = negotiator.negotiate(profile("openssh-8.8"), onlySignals);
        assertThat(noStrict.signals().strictKex()).isFalse();
        assertThat(noStrict.signals().serverStrictKex()).isTrue();
    }

    @Test
    void kexFailureNamesTheServersWholeListIncludingSignals() {
        ServerOffer modern = Seeds.offer("mlkem768x25519-sha256,curve25519-sha256,kex-strict-s-v00@openssh.com",
                "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "none");
        NegotiationResult r = negotiator.negotiate(profile("jsch-0.1.55"), modern);
        assertThat(r.failure().orElseThrow().openSshMessage("h", 2222)).isEqualTo("Unable to negotiate with h port 2222: "
                + "no matching key exchange method found. Their offer: mlkem768x25519-sha256,curve25519-sha256,kex-strict-s-v00@openssh.com");
        assertThat(r.chosen()).isEmpty();
        assertThat(r.fixes()).extracting(Fix::name).containsExactly("mlkem768x25519-sha256", "ecdh-sha2-nistp521");
    }

    @Test
    void compressionFailsWhenTheServerInsistsOnZlib() {
        ServerOffer zlib = Seeds.offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "zlib");
        NegotiationResult r = negotiator.negotiate(profile("go-x-crypto"), zlib);
        assertThat(r.failure().orElseThrow().openSshReason()).isEqualTo("no matching compression method found");
        assertThat(r.fixes()).extracting(Fix::instruction).containsExactly(
                "enable zlib in the client's compression list", "sshd_config: Compression no");
    }

    @Test
    void guessRuleNeedsTheSameFirstKexAndHostKey() {
        ServerOffer same = Seeds.offer("sntrup761x25519-sha512,curve25519-sha256", "ssh-ed25519-cert-v01@openssh.com,ssh-ed25519",
                "aes128-ctr", "hmac-sha2-256", "none");
        ServerOffer otherHostKey = Seeds.offer("sntrup761x25519-sha512,curve25519-sha256", "ssh-ed25519",
                "aes128-ctr", "hmac-sha2-256", "none");
        assertThat(negotiator.negotiate(profile("openssh-9.2"), same).guessMatches()).isTrue();
        assertThat(negotiator.negotiate(profile("openssh-9.2"), otherHostKey).guessMatches()).isFalse();
    }

    @Test
    void preferredNamesWinOverStrengthInFixes() {
        Negotiator picky = new Negotiator(new FixAdvisor(name -> name.endsWith("-cbc")));
        NegotiationResult r = picky.negotiate(profile("seed-cerberus-client"), Seeds.CERBERUS_SERVER);
        assertThat(r.fixes()).extracting(Fix::name).containsExactly("aes256-cbc", "aes128-cbc");
    }
}
