package dev.kexwatch.algorithm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dropbear chooses its algorithms when it is built: {@code localoptions.h} overrides {@code default_options.h},
 * and the server has no runtime setting for them (its {@code -h} lists none). This maps names to the build
 * option that compiles them in, so advice can name the line to change.
 */
public final class DropbearOptions {

    /** Name globs to the option, first match wins: names of Dropbear 2022.83's default_options.h, plus the GCM
     *  and post-quantum options of later releases (common-algo.c of 2025.x). */
    private static final Map<String, String> OPTIONS = options();

    private DropbearOptions() {
    }

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("diffie-hellman-group1-sha1", "DROPBEAR_DH_GROUP1");
        options.put("diffie-hellman-group14-sha1", "DROPBEAR_DH_GROUP14_SHA1");
        options.put("diffie-hellman-group14-sha256", "DROPBEAR_DH_GROUP14_SHA256");
        options.put("diffie-hellman-group16-sha512", "DROPBEAR_DH_GROUP16");
        options.put("ecdh-sha2-*", "DROPBEAR_ECDH");
        options.put("curve25519-sha256*", "DROPBEAR_CURVE25519");
        options.put("sntrup761x25519-sha512*", "DROPBEAR_SNTRUP761");
        options.put("mlkem768x25519-sha256", "DROPBEAR_MLKEM768");
        options.put("ssh-rsa", "DROPBEAR_RSA_SHA1");
        options.put("ssh-dss", "DROPBEAR_DSS");
        options.put("ecdsa-sha2-*", "DROPBEAR_ECDSA");
        options.put("*-cbc", "DROPBEAR_ENABLE_CBC_MODE");
        options.put("aes*-gcm@openssh.com", "DROPBEAR_ENABLE_GCM_MODE");
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

    /** The build option that compiles {@code name} in, e.g. {@code DROPBEAR_DH_GROUP14_SHA1}. */
    public static Optional<String> of(String name) {
        return OPTIONS.entrySet().stream().filter(e -> Glob.compile(e.getKey()).matches(name)).findFirst()
                .map(Map.Entry::getValue);
    }
}
