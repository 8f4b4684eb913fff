package dev.kexwatch.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** Test-only endpoint that fails the way a real bug would, with secrets in the exception message. */
@Path("/api/test-only/failure")
public class FailingResource {

    static final String SENTINEL = "s3cr3t-sentinel-password";

    @GET
    public String fail() {
        String url = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse(SENTINEL);
        throw new IllegalStateException("cannot reach " + url + " with password=" + password + " or " + SENTINEL);
    }
}
