package dev.kexwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns bad requests into RFC 9457 problem bodies that name the offending field. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
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
        String field = e instanceof JsonMappingException m ? m.getPathReference() : "";
        var loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return Problem.of(Status.BAD_REQUEST, "the body is not valid JSON for this request" + where,
                List.of(new Problem.FieldError(field, e.getOriginalMessage()))).toResponse();
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

    /** Drops the method and parameter part of a path such as {@code add.spec.port}. */
    private static String fieldOf(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }
}
