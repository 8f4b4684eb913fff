package dev.kexwatch.hostkey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which host-key algorithms to ask for: one per key the server may hold. {@code rsa-sha2-512},
 * {@code rsa-sha2-256} and {@code ssh-rsa} are three signatures by one RSA key (RFC 8332), so only the first
 * offered of them is asked (strongest first); the same for the three RSA certificate names.
 */
public final class HostKeyFamilies {

    private static final List<String> RSA_ORDER = List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    private static final String CERT = "-cert-v01@openssh.com";

    private HostKeyFamilies() {
    }

    public static List<String> toAsk(List<String> offered) {
        Map<String, String> byFamily = new LinkedHashMap<>();
        for (String name : offered) {
            byFamily.merge(family(name), name, HostKeyFamilies::stronger);
        }
        return new ArrayList<>(byFamily.values());
    }

    static String family(String algorithm) {
        boolean cert = algorithm.endsWith(CERT);
        String plain = cert ? algorithm.substring(0, algorithm.length() - CERT.length()) : algorithm;
        String family = RSA_ORDER.contains(plain) ? "rsa" : plain;
        return cert ? family + CERT : family;
    }

    private static String stronger(String a, String b) {
        return rank(a) <= rank(b) ? a : b;
    }

    private static int rank(String algorithm) {
        for (int i = 0; i < RSA_ORDER.size(); i++) {
            if (algorithm.startsWith(RSA_ORDER.get(i))) {
                return i;
            }
        }
        return 0;
    }
}
