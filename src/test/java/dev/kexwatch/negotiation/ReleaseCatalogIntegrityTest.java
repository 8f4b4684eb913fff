package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.KexList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseCatalogIntegrityTest {

    private final ReleaseCatalog catalog = ReleaseCatalog.builtIn();
    private final AlgorithmCatalog algorithms = AlgorithmCatalog.builtin();

    @Test
    void theReleasesOfThisMachineAndTheNewestAreThere() {
        assertThat(catalog.ids()).contains("openssh-9.2", "openssh-10.0", "dropbear-2022.83", "tinysshd-20230101");
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
        assertThat(catalog.identify("OpenSSH_7.4")).isEmpty();
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
}
