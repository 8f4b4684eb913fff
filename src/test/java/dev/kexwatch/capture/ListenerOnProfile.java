package dev.kexwatch.capture;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service's listener on, on a port the kernel picks (GET /api/captured-clients/listener tells which), keeping
 * only the 3 newest captures (each test deletes its own, so only the test of the cap ever has more), judging them
 * by {@value #PINNED_POLICY}: not in force at start (the built-in client-baseline judges meanwhile) until
 * {@code ClientPolicyAndMetricsTest} installs it over REST.
 */
public class ListenerOnProfile implements QuarkusTestProfile {

    static final String PINNED_POLICY = "client-pinned";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kexwatch.listen.port", "0", "kexwatch.listen.keep", "3", "kexwatch.listen.policy",
                PINNED_POLICY);
    }
}
