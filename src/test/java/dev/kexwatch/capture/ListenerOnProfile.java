package dev.kexwatch.capture;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service's listener on, on a port the kernel picks (GET /api/captured-clients/listener tells which). */
public class ListenerOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kexwatch.listen.port", "0");
    }
}
