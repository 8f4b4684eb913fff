package dev.kexwatch.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every REST error without a body (e.g. {@code RestResponse.notFound()}) a problem+json one, so that
 * clients can parse all errors the same way.
 */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        Status status = Status.fromStatusCode(response.getStatus());
        if (response.hasEntity() || status == null || response.getStatus() < 400) {
            return;
        }
        String detail = status.getReasonPhrase().toLowerCase(Locale.ROOT) + ": " + request.getUriInfo().getPath();
        response.setEntity(Problem.of(status, detail), null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
