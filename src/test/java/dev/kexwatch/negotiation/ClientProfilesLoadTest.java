package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.algorithm.KexList;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientProfilesLoadTest {

    private static final String GOOD = """
            profiles:
              - id: corp-appliance
                name: Appliance
                version: "1.0"
                source: our firmware's ssh -vvv output, captured 2025
                kex: [diffie-hellman-group14-sha1]
                hostkey: ssh-rsa
                cipher_c2s: aes128-cbc
                cipher_s2c: aes256-cbc
                mac: hmac-sha1
                compression: none
            """;

    @TempDir
    Path dir;

    @Test
    void userFileAddsProfilesWithPerDirectionLists() throws Exception {
        Path file = Files.writeString(dir.resolve("clients.yaml"), GOOD);
        ClientProfiles profiles = ClientProfiles.builtIn().withFile(file);
        ClientProfile p = profiles.find("corp-appliance").orElseThrow();
        assertThat(p.get(KexList.CIPHER_C2S)).containsExactly("aes128-cbc");
        assertThat(p.get(KexList.CIPHER_S2C)).containsExactly("aes256-cbc");
        assertThat(p.get(KexList.MAC_S2C)).containsExactly("hmac-sha1");
        assertThat(profiles.find("openssh-9.2")).isPresent();
    }

    @Test
    void missingListIsReportedAtTheProfile() {
        String yaml = GOOD.replace("    mac: hmac-sha1\n", "");
        assertThatThrownBy(() -> ClientProfiles.builtIn().with("u.yaml", yaml))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("u.yaml:2:5: profile lacks the mac_c2s list (give 'mac' or 'mac_c2s')");
    }

    @Test
    void unknownKeyIsReportedWhereItIs() {
        String yaml = GOOD.replace("    hostkey: ssh-rsa", "    hostkeys: ssh-rsa");
        ProfileFormatException e = catchFormat(yaml);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e).hasMessageContaining("unknown key 'hostkeys'");
    }

    @Test
    void emptyNameInAListIsRejected() {
        ProfileFormatException e = catchFormat(GOOD.replace("mac: hmac-sha1", "mac: hmac-sha1,,hmac-md5"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.column()).isEqualTo(10);
    }

    @Test
    void duplicateOfABuiltInIdIsRejected() {
        ProfileFormatException e = catchFormat(GOOD.replace("corp-appliance", "openssh-9.2"));
        assertThat(e).hasMessage("u.yaml:2:5: client profile id 'openssh-9.2' already exists");
    }

    @Test
    void brokenYamlSaysWhere() {
        ProfileFormatException e = catchFormat("profiles:\n  - id: [unclosed\n");
        assertThat(e.file()).isEqualTo("u.yaml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e).hasMessageContaining("not valid YAML");
    }

    private static ProfileFormatException catchFormat(String yaml) {
        try {
            ClientProfiles.builtIn().with("u.yaml", yaml);
        } catch (ProfileFormatException e) {
            return e;
        }
        throw new AssertionError("expected a ProfileFormatException");
    }
}
