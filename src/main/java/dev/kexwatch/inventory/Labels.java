package dev.kexwatch.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Label selectors as users write them: {@code env=prod,role=bastion}. */
public final class Labels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Labels() {
    }

    /**
     * Parses {@code k=v[,k=v...]}; blank gives an empty selector.
     *
     * @throws IllegalArgumentException naming the part that is not {@code key=value}
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return labels;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not key=value");
            }
            labels.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return labels;
    }

    static String toJson(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
