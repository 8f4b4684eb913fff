package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Glob;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dropbear chooses its algorithms at build time ({@code localoptions.h} overriding {@code default_options.h}); its
 * server has no runtime setting for them. So the advice names the build options that drop each unwanted name.
 */
final class DropbearAdvice {

    /** Name globs to the Dropbear 2022.83 {@code default_options.h} option that compiles them in. */
    private static final Map<String, String> OPTIONS = options();

    private DropbearAdvice() {
    }

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("diffie-hellman-group1-sha1", "DROPBEAR_DH_GROUP1");
        options.put("diffie-hellman-group14-sha1", "DROPBEAR_DH_GROUP14_SHA1");
        options.put("diffie-hellman-group14-sha256", "DROPBEAR_DH_GROUP14_SHA256");
        options.put("diffie-hellman-group16-sha512", "DROPBEAR_DH_GROUP16");
        options.put("ecdh-sha2-*", "DROPBEAR_ECDH");
        options.put("curve25519-sha256*", "DROPBEAR_CURVE25519");
        options.put("ssh-rsa", "DROPBEAR_RSA_SHA1");
        options.put("ssh-dss", "DROPBEAR_DSS");
        options.put("ecdsa-sha2-*", "DROPBEAR_ECDSA");
        options.put("*-cbc", "DROPBEAR_ENABLE_CBC_MODE");
        options.put("3des-*", "DROPBEAR_3DES");
        options.put("twofish128-*", "DROPBEAR_TWOFISH128");
        options.put("twofish*", "DROPBEAR_TWOFISH256");
        options.put("chacha20-poly1305@openssh.com", "DROPBEAR_CHACHA20POLY1305");
        options.put("hmac-sha1", "DROPBEAR_SHA1_HMAC");
        options.put("hmac-sha1-96", "DROPBEAR_SHA1_96_HMAC");
        options.put("hmac-sha2-256", "DROPBEAR_SHA2_256_HMAC");
        options.put("hmac-sha2-512", "DROPBEAR_SHA2_512_HMAC");
        return options;
    }

    static void write(Map<Category, AcceptableLists.Plan> plans, boolean terrapin, List<String> advice) {
        if (terrapin) {
            advice.add("Upgrade Dropbear to 2024.84 or later: it adds strict key exchange (CVE-2023-48795, Terrapin).");
        }
        Set<String> off = new LinkedHashSet<>();
        Set<String> unmapped = new LinkedHashSet<>();
        for (AcceptableLists.Plan plan : plans.values()) {
            for (String name : plan.dropped()) {
                if (name.startsWith("zlib")) {
                    off.add("DISABLE_ZLIB 1");
                    continue;
                }
                OPTIONS.entrySet().stream().filter(e -> Glob.compile(e.getKey()).matches(name)).findFirst()
                        .ifPresentOrElse(e -> off.add(e.getValue() + " 0"), () -> unmapped.add(name));
            }
        }
        if (!off.isEmpty()) {
            advice.add("Dropbear has no runtime algorithm settings: rebuild it with these lines in localoptions.h "
                    + "(or take a package built that way): " + String.join("; ", off.stream().map(o -> "#define " + o)
                            .toList()) + ".");
        }
        if (!unmapped.isEmpty()) {
            advice.add("Upgrade Dropbear to a release that no longer offers " + String.join(", ", unmapped) + ".");
        }
    }
}
