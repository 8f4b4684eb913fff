package dev.kexwatch.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The policies shipped in {@code policies/}, read from the classpath (the build copies them to
 * {@code dev/kexwatch/policy/shipped/}), so the CLI finds them wherever it runs.
 */
public final class ShippedPolicies {

    /** Every shipped policy id; a test checks this against the {@code policies/} directory. */
    public static final List<String> IDS = List.of("baseline", "hardened-openssh", "rfc9142");

    /**
     * The standard packs in {@code policies/packs/}: opt-in by id (CLI {@code --policy}) or by copying the file into
     * the service's policy directory; never in force by default, since each is one document's reading.
     */
    public static final List<String> PACKS = List.of("bsi-tr-02102-4", "cis-ssh", "cnsa-ssh",
            "mozilla-openssh-auth", "mozilla-openssh-modern");

    private ShippedPolicies() {
    }

    /** Whether {@link #byId} knows this id (a policy or a pack). */
    public static boolean has(String id) {
        return IDS.contains(id) || PACKS.contains(id);
    }

    /** The shipped policy with this id; empty for an id that was not shipped. */
    public static Optional<Policy> byId(String id) {
        if (IDS.contains(id)) {
            return Optional.of(read(id + ".yaml"));
        }
        return PACKS.contains(id) ? Optional.of(read("packs/" + id + ".yaml")) : Optional.empty();
    }

    private static Policy read(String file) {
        try (InputStream in = ShippedPolicies.class.getResourceAsStream("shipped/" + file)) {
            if (in == null) {
                throw new IllegalStateException("shipped policy " + file + " is missing from the classpath");
            }
            return new PolicyLoader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "policies/" + file + " (built in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All shipped policies, in id order (without the packs). */
    public static PolicySet all() {
        return new PolicySet(IDS.stream().map(id -> byId(id).orElseThrow()).toList());
    }

    /** The standard packs, in id order. */
    public static PolicySet packs() {
        return new PolicySet(PACKS.stream().map(id -> byId(id).orElseThrow()).toList());
    }
}
