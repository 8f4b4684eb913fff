package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientProfilesIntegrityTest {

    private final List<ClientProfile> profiles = ClientProfiles.builtIn().all();

    @Test
    void everyRequestedClientIsThere() {
        assertThat(ClientProfiles.builtIn().ids()).contains("openssh-7.4", "openssh-8.0", "openssh-8.8",
                "openssh-9.2", "openssh-10", "putty-0.70", "putty-0.81", "winscp-6", "jsch-0.1.55",
                "jsch-mwiede-0.2", "paramiko-2", "paramiko-3", "go-x-crypto", "mina-sshd-2", "ssh-net",
                "libssh2-1.11", "seed-cerberus-client");
    }

    @Test
    void everyProfileHasEveryNegotiatedListWithoutEmptyOrRepeatedNames() {
        for (ClientProfile profile : profiles) {
            for (KexList list : ClientProfile.NEGOTIATED) {
                List<String> names = profile.get(list);
                assertThat(names).as(profile.id() + " " + list.key()).isNotEmpty().doesNotContain("")
                        .doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void everyProfileCitesASourceAndHasANameAndVersion() {
        for (ClientProfile profile : profiles) {
            assertThat(profile.source()).as(profile.id()).hasSizeGreaterThan(40);
            assertThat(profile.name()).as(profile.id()).isNotBlank();
            assertThat(profile.version()).as(profile.id()).isNotBlank();
        }
    }

    @Test
    void idsAreUnique() {
        assertThat(new HashSet<>(ClientProfiles.builtIn().ids())).hasSize(profiles.size());
    }

    @Test
    void signalNamesAreOnlyInTheKexListAndEveryKexListHasARealMethod() {
        for (ClientProfile profile : profiles) {
            for (KexList list : ClientProfile.NEGOTIATED) {
                if (list != KexList.KEX) {
                    assertThat(profile.get(list)).as(profile.id()).noneMatch(Signals::isSignal);
                }
            }
            assertThat(profile.get(KexList.KEX)).as(profile.id()).anyMatch(name -> !Signals.isSignal(name));
        }
    }
}
