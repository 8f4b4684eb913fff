package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.DropbearOptions;
import dev.kexwatch.algorithm.HostKeys;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerSoftware;
import java.util.List;
import java.util.Optional;

/**
 * A server-side fix, only where the server can really start offering the name: a host-key algorithm needs a key of
 * its type (otherwise the fix is to generate one), Dropbear chooses algorithms at build time, tinysshd's set is fixed.
 */
final class ServerSyntax {

    private ServerSyntax() {
    }

    /** How {@code server} starts offering {@code name}; empty when it cannot. */
    static Optional<String> enable(ServerSoftware.Kind server, KexList list, String name, List<String> offered) {
        if (list.category() == Category.HOST_KEY) {
            return hostKey(server, name, offered);
        }
        return switch (server) {
            case OPENSSH -> Optional.of(openSsh(list, name));
            case DROPBEAR -> Optional.of(dropbear(name));
            case TINYSSH -> Optional.empty();
            case OTHER -> Optional.of("enable " + name + " in the server's " + list.category().id() + " list");
        };
    }

    /** A key already there only needs the name allowed (OpenSSH); otherwise the key must be made. */
    private static Optional<String> hostKey(ServerSoftware.Kind server, String name, List<String> offered) {
        boolean haveKey = offered.stream().anyMatch(o -> HostKeys.sameKey(o, name));
        if (haveKey) {
            return switch (server) {
                case OPENSSH -> Optional.of("sshd_config: HostKeyAlgorithms +" + name);
                case DROPBEAR -> Optional.of(dropbear(name));
                default -> Optional.empty();
            };
        }
        return HostKeys.generate(server, name);
    }

    /** Dropbear has no runtime algorithm setting (no option of {@code dropbear -h}): a rebuild or an upgrade. */
    private static String dropbear(String name) {
        return DropbearOptions.of(name)
                .map(option -> "Dropbear: no runtime setting; rebuild with '#define " + option + " 1' in localoptions.h, "
                        + "or upgrade to a build that offers " + name)
                .orElse("Dropbear: no runtime setting; upgrade to a build that offers " + name);
    }

    private static String openSsh(KexList list, String name) {
        if (list.category() == Category.COMPRESSION) {
            return "sshd_config: Compression " + ("none".equals(name) ? "no" : "yes");
        }
        return "sshd_config: " + OpenSshKeyword.of(list.category()) + " +" + name;
    }
}
