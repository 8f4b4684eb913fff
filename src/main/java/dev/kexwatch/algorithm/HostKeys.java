package dev.kexwatch.algorithm;

import java.util.Optional;

/**
 * How a server gets a host key it lacks. A host-key algorithm name is only offered when the server holds a key of its
 * type (RFC 4253 §7.1: the server lists the algorithms "for which it has keys"), so naming it in a config changes
 * nothing: the fix is a key, made with the server's own tool.
 */
public final class HostKeys {

    private HostKeys() {
    }

    /** The key type behind a host-key algorithm, as ssh-keygen names it with its size flag; empty when none. */
    public static Optional<String> keyType(String algorithm) {
        if (algorithm.equals("ssh-ed25519")) {
            return Optional.of("ed25519");
        }
        if (algorithm.startsWith("ecdsa-sha2-nistp") && !algorithm.contains("-cert-")) {
            return Optional.of("ecdsa -b " + algorithm.substring("ecdsa-sha2-nistp".length()));
        }
        if (algorithm.equals("ssh-rsa") || algorithm.equals("rsa-sha2-256") || algorithm.equals("rsa-sha2-512")) {
            return Optional.of("rsa -b 3072");
        }
        return Optional.empty();
    }

    /** True when an offered host-key algorithm shows the server already holds a key of {@code algorithm}'s type. */
    public static boolean sameKey(String offered, String algorithm) {
        return keyType(offered).isPresent() && keyType(offered).equals(keyType(algorithm));
    }

    /**
     * The commands that give {@code server} a key for {@code algorithm}; empty when that server cannot have one
     * (tinysshd-makekey of tinysshd 20230101 makes an ed25519 key only) or the name needs more than a key
     * (certificates).
     */
    public static Optional<String> generate(ServerSoftware.Kind server, String algorithm) {
        Optional<String> type = keyType(algorithm);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String base = type.get().split(" ")[0];
        return switch (server) {
            case OPENSSH -> Optional.of("generate a key: ssh-keygen -t " + type.get() + " -N '' -f /etc/ssh/ssh_host_"
                    + base + "_key, add the line 'HostKey /etc/ssh/ssh_host_" + base + "_key' to sshd_config, reload sshd");
            case DROPBEAR -> Optional.of("generate a key: dropbearkey -t " + type.get().replace("-b", "-s")
                    + " -f /etc/dropbear/dropbear_" + base + "_host_key (Dropbear loads keys from /etc/dropbear, or "
                    + "give -r FILE), restart dropbear");
            case TINYSSH -> algorithm.equals("ssh-ed25519")
                    ? Optional.of("generate keys: tinysshd-makekey KEYDIR (an ed25519 key), restart tinysshd with KEYDIR")
                    : Optional.empty();
            case OTHER -> Optional.of("generate a " + base + " host key with the server's own tool and configure it");
        };
    }
}
