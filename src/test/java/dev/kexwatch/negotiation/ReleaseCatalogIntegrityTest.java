package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.KexList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseCatalogIntegrityTest {

    private final ReleaseCatalog catalog = ReleaseCatalog.builtIn();
    private final AlgorithmCatalog algorithms = AlgorithmCatalog.builtin();

    @Test
    void theReleasesOfThisMachineAndTheNewestAreThere() {
        assertThat(catalog.ids()).contains("openssh-9.2", "openssh-10.0", "dropbear-2022.83", "tinysshd-20230101");
        assertThat(catalog.ids().stream().filter(id -> id.startsWith("dropbear-")).toList()).containsExactly(
                "dropbear-2020.81", "dropbear-2022.83", "dropbear-2024.84", "dropbear-2024.85", "dropbear-2025.88",
                "dropbear-2025.89", "dropbear-2026.94");
    }

    @Test
    void everyOpenSshReleaseFromSevenFourOnIsThereInReleaseOrder() {
        List<String> expected = List.of("7.4", "7.6", "7.9", "8.0", "8.2", "8.4", "8.7", "8.9", "9.0", "9.2", "9.3", "9.6",
                "9.7", "9.8", "9.9", "10.0", "10.1", "10.2", "10.3").stream().map(v -> "openssh-" + v).toList();
        assertThat(catalog.ids().stream().filter(id -> id.startsWith("openssh-")).toList()).isEqualTo(expected);
    }

    @Test
    void entriesOfAProductAreInVersionOrderAndTheIdNamesTheVersion() {
        for (String product : List.of("OpenSSH", "Dropbear", "tinysshd")) {
            List<Release> releases = catalog.all().stream().filter(r -> r.product().equals(product)).toList();
            assertThat(releases).as(product).extracting(ReleaseCatalogIntegrityTest::versionKey)
                    .isSortedAccordingTo(java.util.Comparator.naturalOrder());
            for (Release release : releases) {
                assertThat(release.version()).as(release.id())
                        .startsWith(release.id().substring(release.id().indexOf('-') + 1));
            }
        }
    }

    /** {@code 9.10} after {@code 9.9}: each dotted part compared as a number, padded for string order. */
    private static String versionKey(Release release) {
        String version = release.id().substring(release.id().indexOf('-') + 1);
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%08d.", Long.parseLong(part)));
        }
        return key.toString();
    }

    @Test
    void everyReleaseIsMatchedByTheVersionItsServerSends() {
        Map<String, String> prefix = Map.of("OpenSSH", "OpenSSH_", "Dropbear", "dropbear_", "tinysshd", "tinyssh_");
        for (Release release : catalog.all()) {
            String version = release.version().split(" ")[0];
            assertThat(catalog.identify(prefix.get(release.product()) + version).map(Release::id)).as(release.id())
                    .contains(release.id());
        }
    }

    @Test
    void everySourceCitesWhereItWasReadOrThatItWasObserved() {
        for (Release release : catalog.all()) {
            assertThat(release.source()).as(release.id()).containsAnyOf("https://", "Observed on the kexwatch");
            assertThat(release.unverified()).as(release.id()).doesNotHaveDuplicates();
        }
    }

    @Test
    void signalsComeLastAndOpenSshServersSendThemFromNineSixOn() {
        for (Release release : catalog.all()) {
            List<String> kex = release.get(KexList.KEX);
            List<String> signals = kex.stream().filter(Signals::isSignal).toList();
            assertThat(kex.subList(kex.size() - signals.size(), kex.size())).as(release.id()).isEqualTo(signals);
            if (release.product().equals("OpenSSH") && !release.version().contains("Debian")) {
                boolean strict = versionKey(release).compareTo("00000009.00000006.") >= 0;
                assertThat(signals).as(release.id()).isEqualTo(strict
                        ? List.of(Signals.EXT_INFO_SERVER, Signals.STRICT_KEX_SERVER) : List.of());
            }
        }
    }

    @Test
    void anOpenSshReleaseAndItsClientProfileShareTheHostKeyList() {
        // KEX_DEFAULT_PK_ALG is one list for ssh and sshd in every myproposal.h: two entries read apart must agree.
        for (Release release : catalog.all()) {
            release.clientProfile().map(id -> ClientProfiles.builtIn().find(id).orElseThrow())
                    .ifPresent(profile -> assertThat(profile.get(KexList.HOST_KEY)).as(release.id())
                            .isEqualTo(release.get(KexList.HOST_KEY)));
        }
    }

    @Test
    void everyReleaseHasEveryNegotiatedListWithoutEmptyOrRepeatedNames() {
        for (Release release : catalog.all()) {
            for (KexList list : ClientProfile.NEGOTIATED) {
                assertThat(release.get(list)).as(release.id() + " " + list.key()).isNotEmpty().doesNotContain("")
                        .doesNotHaveDuplicates();
            }
            assertThat(release.defaultServerOffer().get(KexList.HOST_KEY)).as(release.id()).isNotEmpty();
        }
    }

    @Test
    void everyReleaseCitesASourceAndNamesOnlyRealListsAsUnverified() {
        for (Release release : catalog.all()) {
            assertThat(release.source()).as(release.id()).hasSizeGreaterThan(80);
            assertThat(release.product()).as(release.id()).isIn("OpenSSH", "Dropbear", "tinysshd");
            assertThat(ReleaseCatalog.LIST_KEYS.keySet()).as(release.id()).containsAll(release.unverified());
        }
    }

    @Test
    void everyNameIsOneTheAlgorithmCatalogKnows() {
        for (Release release : catalog.all()) {
            for (KexList list : ClientProfile.NEGOTIATED) {
                for (String name : release.get(list)) {
                    assertThat(algorithms.lookup(list.category(), name)).as(release.id() + " " + name).isPresent();
                }
            }
        }
    }

    @Test
    void serverReleasesSendServerSignalsOnly() {
        for (Release release : catalog.all()) {
            assertThat(release.get(KexList.KEX)).as(release.id())
                    .doesNotContain(Signals.EXT_INFO_CLIENT, Signals.STRICT_KEX_CLIENT);
        }
    }

    @Test
    void aClientProfileNamedByAReleaseExists() {
        for (Release release : catalog.all()) {
            release.clientProfile().ifPresent(id -> assertThat(ClientProfiles.builtIn().find(id))
                    .as(release.id() + " -> " + id).isPresent());
        }
    }

    @Test
    void softwareVersionsAreMatchedToTheirRelease() {
        assertThat(catalog.identify("OpenSSH_9.2p1").map(Release::id)).contains("openssh-9.2");
        assertThat(catalog.identify("OpenSSH_10.0p2").map(Release::id)).contains("openssh-10.0");
        assertThat(catalog.identify("dropbear_2022.83").map(Release::id)).contains("dropbear-2022.83");
        assertThat(catalog.identify("tinyssh_20230101").map(Release::id)).contains("tinysshd-20230101");
        assertThat(catalog.identify("OpenSSH_7.4p1").map(Release::id)).contains("openssh-7.4");
        assertThat(catalog.identify("OpenSSH_8.9p1 Ubuntu-3ubuntu0.10").map(Release::id)).contains("openssh-8.9");
        assertThat(catalog.identify("OpenSSH_6.6.1p1")).isEmpty();
        assertThat(catalog.identify("\u0000junk")).isEmpty();
    }

    @Test
    void hostKeysAreCutToTheKeysAHostHolds() {
        Release release = catalog.find("openssh-9.2").orElseThrow();
        assertThat(release.defaultServerOffer().get(KexList.HOST_KEY))
                .containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256");
        assertThat(release.serverOffer(HostKeyTypes.of(List.of("ssh-ed25519"))).get(KexList.HOST_KEY))
                .containsExactly("ssh-ed25519");
    }

    /** The entries whose every list was read at the release's own source (tarball, a copy of it, or the daemon). */
    private static final List<String> VERIFIED = List.of("openssh-7.9", "openssh-8.2", "openssh-8.4", "openssh-8.9",
            "openssh-9.2", "openssh-9.6", "openssh-10.0", "openssh-10.3", "dropbear-2020.81", "dropbear-2022.83",
            "dropbear-2025.89", "dropbear-2026.94", "tinysshd-20230101");

    @Test
    void exactlyTheEntriesReadAtTheirSourceAreVerifiedAndEachSaysWhatWasRead() {
        assertThat(catalog.all().stream().filter(r -> r.unverified().isEmpty()).map(Release::id).toList())
                .containsExactlyElementsOf(VERIFIED);
        for (Release release : catalog.all()) {
            if (release.unverified().isEmpty()) {
                // A verified entry names the file (or the daemon) it was read from, never only release notes.
                assertThat(release.source()).as(release.id())
                        .containsAnyOf("orig.tar", "release tarball", "read in a fork's copy",
                                "Observed on the kexwatch")
                        .containsAnyOf("myproposal.h", "common-algo.c", "Observed on the kexwatch");
            } else {
                assertThat(release.source()).as(release.id())
                        .containsPattern("(?i)unverified|(not|neither).{0,20} read");
            }
        }
    }

    @Test
    void releasesShippingTheSameMyproposalRevisionOfferTheSameLists() {
        // v1.71 was read in 9.2p1's and 9.6p1's tarballs, v1.77 in 10.0p1's; the releases between are bracketed by it.
        assertSameLists("openssh-9.0", "openssh-9.3", "openssh-9.6");
        assertSameLists("openssh-10.0", "openssh-10.1", "openssh-10.2");
        Release ten = catalog.find("openssh-10.0").orElseThrow();
        Release tenThree = catalog.find("openssh-10.3").orElseThrow();
        for (KexList list : ClientProfile.NEGOTIATED) {
            if (list != KexList.HOST_KEY) {
                assertThat(tenThree.get(list)).as(list.key()).isEqualTo(ten.get(list));
            }
        }
        assertThat(tenThree.get(KexList.HOST_KEY)).containsSubsequence(ten.get(KexList.HOST_KEY))
                .contains("webauthn-sk-ecdsa-sha2-nistp256@openssh.com");
    }

    private void assertSameLists(String first, String... others) {
        Release base = catalog.find(first).orElseThrow();
        for (String other : others) {
            Release release = catalog.find(other).orElseThrow();
            for (KexList list : ClientProfile.NEGOTIATED) {
                List<String> names = release.get(list).stream().filter(n -> !Signals.isSignal(n)).toList();
                assertThat(names).as(other + " " + list.key())
                        .isEqualTo(base.get(list).stream().filter(n -> !Signals.isSignal(n)).toList());
            }
        }
    }

    @Test
    void openSshClientsOfferTheServerListsOfTheirReleasePlusTheClientSignals() {
        // myproposal.h: KEX_CLIENT_ENCRYPT = KEX_SERVER_ENCRYPT and KEX_CLIENT_MAC = KEX_SERVER_MAC since v1.67; the
        // client's kex is the server's (10.0+: plus the finite-field groups) with ext-info-c (9.6+: and kex-strict-c).
        for (String id : List.of("openssh-8.4", "openssh-9.0", "openssh-9.3", "openssh-9.6", "openssh-10.0",
                "openssh-10.3")) {
            Release release = catalog.find(id).orElseThrow();
            ClientProfile client = ClientProfiles.builtIn().find(release.clientProfile().orElseThrow()).orElseThrow();
            for (KexList list : List.of(KexList.CIPHER_C2S, KexList.MAC_S2C, KexList.HOST_KEY)) {
                assertThat(client.get(list)).as(id + " " + list.key()).isEqualTo(release.get(list));
            }
            List<String> serverKex = release.get(KexList.KEX).stream().filter(n -> !Signals.isSignal(n)).toList();
            assertThat(client.get(KexList.KEX)).as(id).startsWith(serverKex.toArray(String[]::new))
                    .contains(Signals.EXT_INFO_CLIENT);
        }
        // cipher.c compression_alg_list(0): "none,zlib@openssh.com,zlib" up to 9.6p1, "none,zlib@openssh.com" in 10.x.
        assertThat(ClientProfiles.builtIn().find("openssh-9.6").orElseThrow().get(KexList.COMPRESSION_C2S))
                .containsExactly("none", "zlib@openssh.com", "zlib");
        assertThat(ClientProfiles.builtIn().find("openssh-10").orElseThrow().get(KexList.COMPRESSION_C2S))
                .containsExactly("none", "zlib@openssh.com");
    }

    @Test
    void dropbearFromTwentyTwentyFiveDecompressesNothingAndDropsShaOne() {
        Release release = catalog.find("dropbear-2025.89").orElseThrow();
        assertThat(release.get(KexList.COMPRESSION_C2S)).containsExactly("none");
        assertThat(release.get(KexList.COMPRESSION_S2C)).containsExactly("zlib@openssh.com", "zlib", "none");
        assertThat(release.defaultServerOffer().get(KexList.HOST_KEY))
                .containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-256");
        assertThat(release.get(KexList.MAC_C2S)).containsExactly("hmac-sha2-256");
        assertThat(release.get(KexList.KEX)).doesNotContain("diffie-hellman-group14-sha1")
                .endsWith("kexguess2@matt.ucc.asn.au", Signals.STRICT_KEX_SERVER);
    }
}
