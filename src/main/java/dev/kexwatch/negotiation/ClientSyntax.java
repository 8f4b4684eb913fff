package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import java.util.Map;
import java.util.Optional;

/**
 * A client-side fix written in that client's own configuration language: OpenSSH {@code ssh_config} options, PuTTY's
 * and WinSCP's settings panels, JSch's {@code setConfig} keys, Paramiko's {@code SecurityOptions}.
 */
final class ClientSyntax {

    /** JSch configuration keys per list ({@code com.jcraft.jsch.JSch.setConfig}). */
    private static final Map<KexList, String> JSCH = Map.of(KexList.KEX, "kex", KexList.HOST_KEY, "server_host_key",
            KexList.CIPHER_C2S, "cipher.c2s", KexList.CIPHER_S2C, "cipher.s2c", KexList.MAC_C2S, "mac.c2s",
            KexList.MAC_S2C, "mac.s2c", KexList.COMPRESSION_C2S, "compression.c2s",
            KexList.COMPRESSION_S2C, "compression.s2c");
    /** Paramiko {@code Transport.get_security_options()} attributes per category. */
    private static final Map<Category, String> PARAMIKO = Map.of(Category.KEX, "kex", Category.HOST_KEY, "key_types",
            Category.CIPHER, "ciphers", Category.MAC, "digests", Category.COMPRESSION, "compression");
    /** PuTTY's settings panels ({@code Connection > SSH > ...}); PuTTY has no MAC preference setting. */
    private static final Map<Category, String> PUTTY = Map.of(Category.KEX, "Connection > SSH > Kex",
            Category.HOST_KEY, "Connection > SSH > Host keys", Category.CIPHER, "Connection > SSH > Cipher");

    private ClientSyntax() {
    }

    /** How {@code client} starts offering {@code name} in {@code list}; empty when it has no such setting. */
    static Optional<String> enable(ClientProfile client, KexList list, String name) {
        String family = client.name();
        if (family.startsWith("OpenSSH")) {
            return Optional.of(openSsh(list, name));
        }
        if (family.startsWith("PuTTY") || family.startsWith("WinSCP")) {
            return putty(family.startsWith("WinSCP") ? "WinSCP" : "PuTTY", list.category(), name);
        }
        if (family.startsWith("JSch")) {
            String key = JSCH.get(list);
            return Optional.of("JSch: session.setConfig(\"" + key + "\", session.getConfig(\"" + key + "\") + \","
                    + name + "\")");
        }
        if (family.startsWith("Paramiko")) {
            String attribute = PARAMIKO.get(list.category());
            return Optional.of("Paramiko: opts = transport.get_security_options(); opts." + attribute + " = opts."
                    + attribute + " + (\"" + name + "\",) (and leave it out of disabled_algorithms)");
        }
        return Optional.of("enable " + name + " in the client's " + list.category().id() + " list");
    }

    private static String openSsh(KexList list, String name) {
        if (list.category() == Category.COMPRESSION) {
            return "ssh -o Compression=" + ("none".equals(name) ? "no" : "yes");
        }
        return "ssh -o " + OpenSshKeyword.of(list.category()) + "=+" + name;
    }

    private static Optional<String> putty(String client, Category category, String name) {
        if (category == Category.COMPRESSION) {
            return Optional.of(client + ": Connection > SSH > " + ("none".equals(name) ? "clear" : "tick")
                    + " \"Enable compression\"");
        }
        return Optional.ofNullable(PUTTY.get(category)).map(panel -> client + ": " + panel + ", move " + name
                + " above the \"warn below here\" line");
    }
}
