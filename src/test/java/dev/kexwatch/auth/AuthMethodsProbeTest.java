package dev.kexwatch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.PasswordlessUser;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The none probe against Debian's real sshd and Dropbear: the methods equal what {@code ssh -v} prints as
 * "Authentications that can continue" for the same user, and {@code none} succeeding is seen as such.
 */
class AuthMethodsProbeTest {

    private static final String EMPTY_PASSWORD_USER = PasswordlessUser.NAME;
    private static final Pattern CAN_CONTINUE = Pattern.compile("Authentications that can continue: (\\S*)");

    private static AuthMethodsProbe probe;

    @BeforeAll
    static void start() {
        // A deadline, not a speed check: a key exchange on a loaded shared machine has taken over 5 s.
        probe = new AuthMethodsProbe(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        probe.close();
    }

    @Test
    void passwordYesListsPasswordAsSshDoes() throws Exception {
        assertMatchesSsh(List.of("publickey", "password"), "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no");
    }

    @Test
    void passwordNoLeavesPublickeyOnly() throws Exception {
        assertMatchesSsh(List.of("publickey"), "PasswordAuthentication no", "KbdInteractiveAuthentication no");
    }

    @Test
    void keyboardInteractiveIsListed() throws Exception {
        assertMatchesSsh(List.of("publickey", "keyboard-interactive"), "PasswordAuthentication no",
                "KbdInteractiveAuthentication yes");
    }

    @Test
    void authenticationMethodsPublickeyThenPasswordOffersOnlyTheFirstStep() throws Exception {
        // password can only continue after a partial success with a key (RFC 4252 §5.1), so none sees publickey
        assertMatchesSsh(List.of("publickey"), "PasswordAuthentication yes", "KbdInteractiveAuthentication no",
                "AuthenticationMethods publickey,password");
    }

    @Test
    void permitEmptyPasswordsLetsNoneInForAPasswordlessUser() throws Exception {
        assumeTrue(PasswordlessUser.exists(), "needs root to create the passwordless account " + EMPTY_PASSWORD_USER);
        try (OpenSshServer sshd = OpenSshServer.start("PasswordAuthentication yes", "PermitEmptyPasswords yes")) {
            AuthMethods methods = probe.probe(sshd.target(), EMPTY_PASSWORD_USER);
            assertThat(methods).isEqualTo(new AuthMethods(EMPTY_PASSWORD_USER, List.of(), true));
            assertThat(sshVerbose(sshd.port(), EMPTY_PASSWORD_USER)).contains("using \"none\"");
            // the same server still asks the probe's default user for a method
            assertThat(probe.probe(sshd.target(), AuthMethodsProbe.DEFAULT_USER).noneAccepted()).isFalse();
        }
    }

    @Test
    void dropbearWithoutPasswordsAndWithoutRootPasswords() throws Exception {
        try (DropbearServer noPasswords = DropbearServer.start("-s")) {
            AuthMethods methods = probe.probe(noPasswords.target(), "alice");
            assertThat(methods.methods()).containsExactly("publickey").isEqualTo(canContinue(noPasswords, "alice"));
        }
        try (DropbearServer noRootPasswords = DropbearServer.start("-g")) {
            // -g refuses root's password only when one is sent: the none answer still lists password, as ssh -v shows
            assertThat(probe.probe(noRootPasswords.target(), "root").methods()).containsExactly("publickey", "password")
                    .isEqualTo(canContinue(noRootPasswords, "root"));
            assertThat(probe.probe(noRootPasswords.target(), "alice").methods())
                    .containsExactly("publickey", "password").isEqualTo(canContinue(noRootPasswords, "alice"));
        }
    }

    @Test
    void aClosedPortIsAnExceptionWithTheTarget() {
        int port = Ports.freePort();
        assertThatThrownBy(() -> probe.probe(new Target(Ports.LOOPBACK, port), "x"))
                .isInstanceOf(AuthProbeException.class).hasMessageContaining(":" + port);
    }

    private static void assertMatchesSsh(List<String> expected, String... config) throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(config)) {
            AuthMethods methods = probe.probe(sshd.target(), AuthMethodsProbe.DEFAULT_USER);
            assertThat(methods.noneAccepted()).isFalse();
            assertThat(methods.user()).isEqualTo(AuthMethodsProbe.DEFAULT_USER);
            assertThat(methods.methods()).containsExactlyElementsOf(expected)
                    .isEqualTo(canContinue(sshd.port(), AuthMethodsProbe.DEFAULT_USER));
        }
    }

    private static List<String> canContinue(DropbearServer server, String user) throws Exception {
        return canContinue(server.target().port(), user);
    }

    /** The first "Authentications that can continue" line of {@code ssh -v}: the answer to its none request. */
    private static List<String> canContinue(int port, String user) throws Exception {
        Matcher m = CAN_CONTINUE.matcher(sshVerbose(port, user));
        assertThat(m.find()).as("ssh -v printed no 'Authentications that can continue'").isTrue();
        return List.of(m.group(1).split(","));
    }

    private static String sshVerbose(int port, String user) throws IOException, InterruptedException {
        Process ssh = new ProcessBuilder("ssh", "-v", "-F", "/dev/null", "-p", String.valueOf(port), "-o",
                "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
                "PubkeyAuthentication=no", "-o", "ConnectTimeout=5", user + "@" + Ports.LOOPBACK, "true")
                .redirectErrorStream(true).start();
        ssh.getOutputStream().close();
        String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ssh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
