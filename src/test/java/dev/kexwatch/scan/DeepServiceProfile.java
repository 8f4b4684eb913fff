package dev.kexwatch.scan;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The deep pass on, due on every scan (period 0), so two scans in a row show a host key that changed. */
public class DeepServiceProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kexwatch.deep.enabled", "true", "kexwatch.deep.every", "0s", "kexwatch.deep.timeout", "10s");
    }
}
