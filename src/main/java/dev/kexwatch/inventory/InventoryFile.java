package dev.kexwatch.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an inventory YAML file ({@code hosts: [{address, port, labels, enabled}]}). Every bad entry is
 * reported with its position; a file with any bad entry imports nothing.
 */
final class InventoryFile {

    record Document(List<HostSpec> hosts) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private InventoryFile() {
    }

    static List<HostSpec> read(Path file, Validator validator) {
        Document doc = parse(file);
        List<HostSpec> hosts = doc == null || doc.hosts() == null ? List.of() : doc.hosts();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostSpec spec = hosts.get(i);
            if (spec == null) {
                errors.add(file + ": hosts[" + i + "]: empty entry");
                continue;
            }
            Set<ConstraintViolation<HostSpec>> violations = validator.validate(spec);
            for (ConstraintViolation<HostSpec> v : violations) {
                errors.add(file + ": hosts[" + i + "]." + v.getPropertyPath() + ": " + v.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InventoryException(errors);
        }
        return hosts;
    }

    private static Document parse(Path file) {
        try {
            return YAML.readValue(Files.readString(file), Document.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InventoryException(List.of(located(file, e) + pathOf(e) + ": unknown field '"
                    + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")"));
        } catch (MismatchedInputException e) {
            throw new InventoryException(List.of(located(file, e) + pathOf(e) + ": " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InventoryException(List.of(located(file, e) + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InventoryException(List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    /** {@code hosts[2].port}, from Jackson's reference chain. */
    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String located(Path file, JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? file + ": " : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }
}
