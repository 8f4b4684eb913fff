package dev.kexwatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/** Untyped YAML for assertions on deployment files: maps, lists and scalars, walked by path. */
final class Yaml {

    private Yaml() {
    }

    static Map<String, Object> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> parse(String text) {
        return new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(text);
    }

    /** Every non-empty document of a multi-document stream (helm template output). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parseAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new org.yaml.snakeyaml.Yaml(new LoaderOptions()).loadAll(text)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add((Map<String, Object>) map);
            }
        }
        return docs;
    }

    static String dump(Object value) {
        return new org.yaml.snakeyaml.Yaml().dump(value);
    }

    /** The value at a dotted path ({@code spec.template.spec}); list elements by index ({@code containers.0}). */
    @SuppressWarnings("unchecked")
    static <T> T at(Object root, String path) {
        Object node = root;
        for (String key : path.split("\\.")) {
            if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(key));
            } else if (node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else {
                throw new AssertionError("no " + path + ": stopped at " + key + " in " + root);
            }
        }
        return (T) node;
    }
}
