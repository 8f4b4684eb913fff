package dev.kexwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a problem+json 413,
 * before a byte of it is read. Runs just ahead of Quarkus's own check, which answers the same with no body.
 * Bodies sent without a length (chunked) are cut off by Quarkus when they pass the limit.
 */
@ApplicationScoped
public class BodyLimit {

    static final String KEY = "quarkus.http.limits.max-body-size";

    @ConfigProperty(name = KEY, defaultValue = "10240K")
    MemorySize max;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext request) {
        long announced = announcedLength(request);
        if (announced <= max.asLongValue()) {
            request.next();
            return;
        }
        Problem problem = Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "the body has " + announced
                + " bytes; at most " + max.asLongValue() + " are accepted (" + KEY + ")");
        request.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(write(problem));
    }

    private static long announcedLength(RoutingContext request) {
        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
