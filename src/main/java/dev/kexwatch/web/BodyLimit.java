package dev.kexwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
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
 * Bodies sent without a length (chunked) are read here, counting, and refused the same way when they pass it.
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
        if (announced < 0 && request.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
            readCounting(request);
            return;
        }
        if (announced <= max.asLongValue()) {
            request.next();
            return;
        }
        refuse(request, "the body has " + announced + " bytes; at most " + max.asLongValue() + " are accepted ("
                + KEY + ")");
    }

    /**
     * A chunked body announces no length: it is read here, counting, and handed on whole (RESTEasy reads a body
     * already read from the routing context). Past the limit the answer is the same problem+json 413; left to
     * RESTEasy it would be an empty 413 and a stack trace in the log.
     */
    private void readCounting(RoutingContext request) {
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.request().handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max.asLongValue()) {
                refused[0] = true;
                refuse(request, "the body has more than " + max.asLongValue() + " bytes, the most accepted ("
                        + KEY + ")");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.request().endHandler(end -> {
            if (!refused[0]) {
                request.setBody(body);
                request.next();
            }
        });
        request.request().resume();
    }

    private void refuse(RoutingContext request, String detail) {
        Problem problem = Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, detail);
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
