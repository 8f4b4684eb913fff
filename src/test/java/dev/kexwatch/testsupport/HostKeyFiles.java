package dev.kexwatch.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Host keys made by {@code ssh-keygen} in a temp dir, and host certificates signed by a CA made there too,
 * for servers whose keys a test chooses (e.g. a 1024-bit RSA key, a DSA key) and compares with
 * {@code ssh-keygen -l} / {@code ssh-keygen -L}.
 */
public final class HostKeyFiles {

    private final Path dir = TempDirs.create("kexwatch-hostkeys");

    /** A new private key file; {@code bits} 0 takes ssh-keygen's default size for the type. */
    public Path generate(String name, String type, int bits) {
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name,
                "-f", key.toString()));
        if (bits > 0) {
            command.addAll(List.of("-b", String.valueOf(bits)));
        }
        Processes.run(command, dir);
        return key;
    }

    /**
     * Signs {@code hostKey}'s public half as a host certificate ({@code ssh-keygen -s -h}) and returns the
     * {@code -cert.pub} file.
     */
    public Path certify(Path ca, Path hostKey, String keyId, long serial, String principals, String validity) {
        Processes.run(List.of("ssh-keygen", "-q", "-s", ca.toString(), "-h", "-I", keyId, "-z",
                String.valueOf(serial), "-n", principals, "-V", validity, hostKey + ".pub"), dir);
        return Path.of(hostKey + "-cert.pub");
    }

    /** {@code ssh-keygen -l -f file}: "bits SHA256:... comment (TYPE)". */
    public String fingerprintLine(Path publicOrCert) {
        return Processes.run(List.of("ssh-keygen", "-l", "-f", publicOrCert.toString()), dir).strip();
    }

    /** {@code ssh-keygen -L -f cert}: the certificate's fields as OpenSSH prints them. */
    public String certificateText(Path cert) {
        return Processes.run(List.of("ssh-keygen", "-L", "-f", cert.toString()), dir);
    }

    public Path dir() {
        return dir;
    }
}
