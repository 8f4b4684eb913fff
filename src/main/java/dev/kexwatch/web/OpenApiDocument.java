package dev.kexwatch.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the scanned OpenAPI document ({@code mp.openapi.filter}): each operation's description and the
 * statuses it really answers come from {@code openapi-operations.yaml} (the scanner can tell neither: it
 * assumes 200 for every method returning a Response), and every error status is documented as the RFC 9457
 * problem body the service sends.
 */
public class OpenApiDocument implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    /** One operation as the YAML file describes it. */
    record Described(String description, Map<Integer, String> responses) {
    }

    private final Map<String, Described> operations = read();

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema("Problem", problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(method + " " + path, operation)));
    }

    private void complete(String key, Operation operation) {
        Described described = operations.get(key);
        if (described == null) {
            return; // OpenApiTest fails on an undescribed /api operation
        }
        operation.setDescription(described.description());
        APIResponses scanned = operation.getResponses();
        APIResponse success = scanned == null ? null : scanned.getAPIResponse("200");
        APIResponses responses = OASFactory.createAPIResponses();
        described.responses().forEach((status, text) -> responses.addAPIResponse(String.valueOf(status),
                status >= 400 ? problem(text) : success(status, text, success)));
        responses.addAPIResponse("401", problem("no valid bearer token"));
        responses.addAPIResponse("403", problem("the token's groups do not allow this"));
        operation.setResponses(responses);
    }

    /** The scanned 200's body goes with the real success status; 204 has none. */
    private static APIResponse success(int status, String text, APIResponse scanned) {
        APIResponse response = OASFactory.createAPIResponse().description(text);
        if (status != 204 && scanned != null) {
            response.setContent(scanned.getContent());
        }
        return response;
    }

    private static APIResponse problem(String text) {
        return OASFactory.createAPIResponse().description(text).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema number = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("one bad field: its path (e.g. labels[env], row 3.port) and what is wrong; for "
                        + "documents (imports) also its line and column")
                .addProperty("field", text).addProperty("message", text).addProperty("line", number)
                .addProperty("column", number);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", text).addProperty("title", text).addProperty("status", number)
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }

    private static Map<String, Described> read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi-operations.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi-operations.yaml is missing from the classpath");
            }
            return new LinkedHashMap<>(new ObjectMapper(new YAMLFactory()).readValue(in,
                    new TypeReference<Map<String, Described>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi-operations.yaml", e);
        }
    }
}
