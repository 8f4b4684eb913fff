package dev.kexwatch.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kexwatch.web.FieldPaths;
import java.util.ArrayList;
import java.util.List;

/** Reads a YAML inventory: {@code hosts: [{address, port, labels, enabled}]}. */
final class InventoryFile {

    record Document(List<HostSpec> hosts) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private InventoryFile() {
    }

    /** The entries of a YAML inventory; a syntax error or unknown key fails the whole document. */
    static List<InventoryEntry> parse(String text, String name) {
        Document doc = document(text, name);
        List<HostSpec> hosts = doc == null || doc.hosts() == null ? List.of() : doc.hosts();
        List<InventoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            entries.add(new InventoryEntry(name + ": hosts[" + i + "]", hosts.get(i)));
        }
        return entries;
    }

    private static Document document(String text, String name) {
        try {
            return YAML.readValue(text, Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw error(located(name, e), FieldPaths.of(e), "unknown field '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds() + ")");
        } catch (MismatchedInputException e) {
            throw error(located(name, e), FieldPaths.of(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw error(located(name, e), "", e.getOriginalMessage());
        }
    }

    private static InventoryException error(String where, String field, String message) {
        return new InventoryException(List.of(new InventoryException.RowError(where, field, message)));
    }

    private static String located(String name, JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? name : name + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }
}
