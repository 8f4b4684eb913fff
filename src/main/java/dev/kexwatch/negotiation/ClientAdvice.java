package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client-side hardening step in that client's own configuration language (the counterpart of
 * {@link ClientSyntax}, which adds names): stop offering names a policy forbids, or get a name the client lacks
 * (strict KEX) by upgrading. The client family comes from the profile's name, as in {@link ClientSyntax}.
 */
public final class ClientAdvice {

    /** Paramiko's {@code disabled_algorithms} keys ({@code Transport._preferred_*}) per category. */
    private static final Map<Category, String> PARAMIKO = Map.of(Category.KEX, "kex", Category.HOST_KEY, "keys",
            Category.CIPHER, "ciphers", Category.MAC, "macs", Category.COMPRESSION, "compression");
    /** The first releases that send {@code kex-strict-c-v00@openssh.com} (their release notes, Dec 2023). */
    private static final Map<String, String> STRICT_KEX_SINCE = Map.of("OpenSSH", "OpenSSH 9.6",
            "PuTTY", "PuTTY 0.80", "JSch", "JSch 0.2.15 (mwiede fork)", "Paramiko", "Paramiko 3.4",
            "Dropbear", "Dropbear 2024.84", "Apache MINA SSHD", "MINA SSHD 2.12");

    private ClientAdvice() {
    }

    /** How {@code client} stops offering {@code names} in {@code list} (whose current names it offers in order). */
    public static String remove(ClientProfile client, KexList list, List<String> names) {
        String family = client.name();
        String joined = String.join(",", names);
        if (family.startsWith("OpenSSH")) {
            return "ssh_config: " + OpenSshKeyword.of(list.category()) + " -" + joined;
        }
        if (family.startsWith("PuTTY") || family.startsWith("WinSCP")) {
            return list.category() == Category.MAC ? family + " has no MAC setting: upgrade it to a release without "
                    + joined : family + ": " + panel(list.category()) + ", move " + joined
                    + " below the \"warn below here\" line";
        }
        if (family.startsWith("JSch")) {
            String kept = client.get(list).stream().filter(n -> !names.contains(n)).collect(Collectors.joining(","));
            return "JSch: session.setConfig(\"" + jschKey(list) + "\", \"" + kept + "\")";
        }
        if (family.startsWith("Paramiko")) {
            return "Paramiko: SSHClient.connect(..., disabled_algorithms={\"" + PARAMIKO.get(list.category())
                    + "\": [" + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ")) + "]})";
        }
        return "remove " + joined + " from the client's " + list.category().id() + " list";
    }

    /** How {@code client} comes to offer {@code names} it lacks: only a newer release adds protocol markers. */
    public static String add(ClientProfile client, List<String> names) {
        String since = STRICT_KEX_SINCE.entrySet().stream().filter(e -> client.name().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("a release that does");
        return "upgrade the client to " + since + " or later to offer " + String.join(", ", names);
    }

    private static String panel(Category category) {
        return switch (category) {
            case KEX -> "Connection > SSH > Kex";
            case HOST_KEY -> "Connection > SSH > Host keys";
            case COMPRESSION -> "Connection > SSH, \"Enable compression\"";
            default -> "Connection > SSH > Cipher";
        };
    }

    /** JSch's {@code setConfig} keys: {@code kex}, {@code server_host_key}, {@code cipher.c2s}, ... */
    private static String jschKey(KexList list) {
        return switch (list) {
            case KEX -> "kex";
            case HOST_KEY -> "server_host_key";
            default -> list.category().id() + "." + list.direction().orElseThrow().id();
        };
    }
}
