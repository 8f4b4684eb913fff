package dev.kexwatch.testsupport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A local account with an empty password, for sshd's {@code PermitEmptyPasswords yes} (where {@code none} lets it in).
 * Made when the tests run as root (the sandbox and CI do); elsewhere it exists only if someone made it.
 */
public final class PasswordlessUser {

    public static final String NAME = "kexwatch-nopass";

    private PasswordlessUser() {
    }

    /** True when the account exists, after making it if the tests may. */
    public static boolean exists() throws IOException, InterruptedException {
        if (run("id", NAME) == 0) {
            return true;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        return run("useradd", "-M", "-s", "/bin/sh", NAME) == 0 && run("passwd", "-d", NAME) == 0;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
