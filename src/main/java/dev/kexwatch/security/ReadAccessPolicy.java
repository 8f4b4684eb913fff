package dev.kexwatch.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the API ({@code GET} under {@code /api}): viewers, or everybody when
 * {@code kexwatch.security.open-reads=true} (a service that only a trusted network can reach). Named in
 * {@code application.properties} as the policy of the read permission.
 */
@ApplicationScoped
public class ReadAccessPolicy implements HttpSecurityPolicy {

    static final String NAME = "kexwatch-read";

    @ConfigProperty(name = "kexwatch.security.open-reads", defaultValue = "false")
    boolean openReads;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        if (openReads) {
            return CheckResult.permit();
        }
        return identity.map(id -> id.hasRole(Roles.VIEWER) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
