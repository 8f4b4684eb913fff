package dev.kexwatch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An error body as RFC 9457 (problem details) describes it, with one entry per bad field.
 *
 * @param errors where the request was wrong: a field path (e.g. {@code labels[env]}) and what is wrong
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * @param line where in a posted document (1-based) the problem is, for document bodies (imports); else null
     * @param column the column there (for CSV, the field's number in its row); else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line, Integer column) {

        public FieldError(String field, String message) {
            this(field, message, null, null);
        }
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem of(Response.Status status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    }

    /** 422: the body is well-formed but its content is wrong (e.g. rows of an import). */
    public static Problem unprocessable(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Unprocessable Content", 422, detail, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
