package dev.kexwatch.capture;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service's listener on, on a port the kernel picks (GET /api/captured-clients/listener tells which), keeping
 * only the 3 newest captures (each test deletes its own, so only the test of the cap ever has more).
 */
public class ListenerOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kexwatch.listen.port", "0", "kexwatch.listen.keep", "3");
    }
}
