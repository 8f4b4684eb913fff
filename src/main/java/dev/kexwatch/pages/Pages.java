package dev.kexwatch.pages;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What every page needs: redirects, error pages, and the few ways pages print values. */
final class Pages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Pages() {
    }

    /** An option of a select element. */
    record Option(String value, String label, boolean selected) {

        static List<Option> of(List<String> values, String chosen, String anyLabel) {
            List<Option> options = new java.util.ArrayList<>();
            options.add(new Option("", anyLabel, chosen.isEmpty()));
            values.forEach(v -> options.add(new Option(v, v.replace('_', ' '), v.equals(chosen))));
            return options;
        }
    }

    /** A number with a name and, where there is one, the page that lists what was counted. */
    record Count(String name, long n, String href) {
    }

    /** 303 See Other: after a form, or to the sign-in page. */
    static WebApplicationException redirect(String location) {
        return new WebApplicationException(Response.seeOther(URI.create(location)).build());
    }

    /** An HTML error page with the status; pages never answer with problem+json. */
    static WebApplicationException error(int status, String title, String message, Visitor v) {
        return new WebApplicationException(Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Views.error(v, title, message).render()).build());
    }

    static String when(Instant at) {
        return at == null ? "never" : WHEN.format(at);
    }

    /** Exact to the second, ISO 8601: what a filed report states. */
    static String exact(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
