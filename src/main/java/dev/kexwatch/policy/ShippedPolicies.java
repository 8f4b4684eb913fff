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

    private ShippedPolicies() {
    }

    /** The shipped policy with this id; empty for an id that was not shipped. */
    public static Optional<Policy> byId(String id) {
        if (!IDS.contains(id)) {
            return Optional.empty();
        }
        try (InputStream in = ShippedPolicies.class.getResourceAsStream("shipped/" + id + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("shipped policy " + id + " is missing from the classpath");
            }
            return Optional.of(new PolicyLoader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "policies/" + id + ".yaml (built in)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All shipped policies, in id order. */
    public static PolicySet all() {
        return new PolicySet(IDS.stream().map(id -> byId(id).orElseThrow()).toList());
    }
}
