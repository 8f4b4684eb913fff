package dev.kexwatch.deploy;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kexwatch Helm chart rendered through helm-java (the Helm Go library, no helm binary). */
final class Chart {

    static final Path DIR = Tool.ROOT.resolve("helm/kexwatch");

    private final List<Map<String, Object>> objects;

    private Chart(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** {@code helm template demo helm/kexwatch -f values}; Helm's error (e.g. a schema violation) as an exception. */
    static Chart render(Map<String, Object> values) {
        try {
            Path file = Files.createTempFile("kexwatch-values", ".yaml");
            try {
                Files.writeString(file, Yaml.dump(values));
                return new Chart(Yaml.parseAll(new Helm(DIR).template().withName("demo").withValuesFile(file).call()));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> kinds() {
        return objects.stream().map(o -> (String) o.get("kind")).sorted().toList();
    }

    Optional<Map<String, Object>> find(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst();
    }

    Map<String, Object> get(String kind) {
        return find(kind).orElseThrow(() -> new AssertionError("no " + kind + " rendered: " + kinds()));
    }

    List<Map<String, Object>> secrets() {
        return objects.stream().filter(o -> "Secret".equals(o.get("kind"))).toList();
    }

    /** The data of the ConfigMap whose name ends with {@code suffix}. */
    Map<String, String> configMapData(String suffix) {
        return objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")))
                .filter(o -> Yaml.<String>at(o, "metadata.name").endsWith(suffix)).findFirst()
                .map(o -> Yaml.<Map<String, String>>at(o, "data"))
                .orElseThrow(() -> new AssertionError("no ConfigMap *" + suffix + ": " + kinds()));
    }

    Map<String, Object> container() {
        return Yaml.at(get("Deployment"), "spec.template.spec.containers.0");
    }

    /** The container's environment as name → value, or name → "secret:NAME/KEY" for secret references. */
    Map<String, String> env() {
        List<Map<String, Object>> env = Yaml.at(container(), "env");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> var : env) {
            Object value = var.containsKey("value") ? var.get("value")
                    : "secret:" + Yaml.at(var, "valueFrom.secretKeyRef.name") + "/"
                            + Yaml.at(var, "valueFrom.secretKeyRef.key");
            values.put((String) var.get("name"), String.valueOf(value));
        }
        return values;
    }
}
