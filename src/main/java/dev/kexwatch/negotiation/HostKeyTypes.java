package dev.kexwatch.negotiation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which host key a host-key algorithm needs. A server lists only the algorithms of the keys it holds
 * (sshd's {@code list_hostkey_types}), so one RSA key stands for {@code rsa-sha2-512}, {@code rsa-sha2-256}
 * and {@code ssh-rsa} (RFC 8332: one key format signed three ways); a certificate is a key type of its own.
 */
public final class HostKeyTypes {

    /** What a default install generates ({@code ssh-keygen -A}: RSA, ECDSA P-256, ed25519). */
    public static final Set<String> DEFAULT_INSTALL = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa");

    private static final String CERT = "-cert-v01@openssh.com";

    private HostKeyTypes() {
    }

    /** The key type behind an algorithm name: {@code rsa} for every RSA signature, else the key's own name. */
    public static String keyType(String algorithm) {
        boolean cert = algorithm.endsWith(CERT);
        String base = cert ? algorithm.substring(0, algorithm.length() - CERT.length()) : algorithm;
        if (base.equals("ssh-rsa") || base.startsWith("rsa-sha2-")) {
            base = "rsa";
        }
        return cert ? base + CERT : base;
    }

    /** The key types a host evidently holds, read from the host-key list it offers. */
    public static Set<String> of(List<String> offered) {
        Set<String> types = new LinkedHashSet<>();
        offered.forEach(name -> types.add(keyType(name)));
        return types;
    }

    /** The algorithms of {@code list} whose key type is in {@code types}, in list order. */
    public static List<String> keep(List<String> list, Set<String> types) {
        return list.stream().filter(name -> types.contains(keyType(name))).toList();
    }
}
