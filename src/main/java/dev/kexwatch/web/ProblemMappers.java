package dev.kexwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns bad requests into RFC 9457 problem bodies that name the offending field, and unexpected failures into
 * a bare 500 whose body says nothing about the inside (no message, no stack trace, no configuration).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(Status.BAD_REQUEST, "the request has invalid fields", errors).toResponse();
    }

    /** Also catches unknown fields and wrong types, which Quarkus would otherwise answer itself. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        var loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return Problem.of(Status.BAD_REQUEST, "the body is not valid JSON for this request" + where,
                List.of(fieldError(e))).toResponse();
    }

    /** Quarkus wraps JSON syntax errors in a bare 400; other client errors keep their status. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        return e.getResponse().hasEntity() || status == null || status.getFamily() != Status.Family.CLIENT_ERROR
                ? e.getResponse()
                : Problem.of(status, e.getMessage()).toResponse();
    }

    /**
     * A streamed (chunked) body past {@code quarkus.http.limits.max-body-size}: the reader has answered 413 and
     * closed already, so this is the client's doing, not ours: one line in the log, no stack trace.
     */
    private static boolean bodyTooLarge(Exception e) {
        return e instanceof IOException && "Request too large".equals(e.getMessage());
    }

    /** Anything else is our fault: the log gets the details under an id, the client gets only the id. */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (bodyTooLarge(e)) {
            LOG.debug("a streamed request body passed the size limit; answered 413");
            return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "the body is larger than " + BodyLimit.KEY).toResponse();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s", id);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal error " + id + "; the service log has the details")
                .toResponse();
    }

    /** Jackson's messages name Java classes; say in JSON terms what was wrong instead. */
    private static Problem.FieldError fieldError(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.FieldError(FieldPaths.of(unknown),
                    "unknown field; known fields are " + unknown.getKnownPropertyIds());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Problem.FieldError(FieldPaths.of(mismatch),
                    "expected " + FieldPaths.jsonShapeOf(mismatch.getTargetType()));
        }
        String field = e instanceof JsonMappingException m ? FieldPaths.of(m) : FieldPaths.BODY;
        return new Problem.FieldError(field, e.getOriginalMessage());
    }
}
