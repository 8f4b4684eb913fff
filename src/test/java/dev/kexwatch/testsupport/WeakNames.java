package dev.kexwatch.testsupport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An oracle independent of the policy engine: the names the baseline policy's own words forbid (SHA-1 kex,
 * MACs and host-key signatures, group1, CBC, MD5, ssh-dss, arcfour, none), picked out of an offer by plain
 * pattern matching. Tests compare the engine's findings with it.
 */
public final class WeakNames {

    private static final Pattern WEAK = Pattern.compile(
            "(.*sha1.*|.*md5.*|.*-cbc(@.*)?|ssh-dss.*|ssh-rsa|ssh-rsa-cert-v01@openssh.com|arcfour.*|none"
                    + "|diffie-hellman-group1-.*)");
    private static final List<String> JUDGED = List.of("kex", "host_key", "cipher_c2s", "cipher_s2c", "mac_c2s",
            "mac_s2c");

    private WeakNames() {
    }

    /** The weak names among the kex, host key, cipher and MAC lists (compression "none" is no weakness). */
    public static Set<String> inOffer(Map<String, List<String>> lists) {
        Set<String> weak = new LinkedHashSet<>();
        for (String list : JUDGED) {
            lists.getOrDefault(list, List.of()).stream().filter(n -> WEAK.matcher(n).matches()).forEach(weak::add);
        }
        return weak;
    }
}
