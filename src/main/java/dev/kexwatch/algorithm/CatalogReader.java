package dev.kexwatch.algorithm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the catalog file: a {@code sources} table (key to citation) and one list of entries per category. A broken
 * catalog is a build defect, so problems throw {@link IllegalStateException} naming the entry.
 */
final class CatalogReader {

    private static final List<Category> SECTIONS =
            List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC, Category.COMPRESSION);

    private CatalogReader() {
    }

    static AlgorithmCatalog read(URL resource) {
        if (resource == null) {
            throw new IllegalStateException("algorithm catalog resource is missing");
        }
        try (InputStream in = resource.openStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<AlgorithmInfo> entries = entries(root);
            return new AlgorithmCatalog(entries, facts(root, entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<AlgorithmInfo> entries(Map<String, Object> root) {
        Map<String, Object> sources = (Map<String, Object>) root.getOrDefault("sources", Map.of());
        List<AlgorithmInfo> entries = new ArrayList<>();
        for (Category category : SECTIONS) {
            for (Map<String, Object> raw : (List<Map<String, Object>>) root.getOrDefault(category.id(), List.of())) {
                entries.add(entry(category, raw, sources));
            }
        }
        return entries;
    }

    /** Keywords, strength ranking and signal roles; each name they mention must be an entry. */
    @SuppressWarnings("unchecked")
    static CatalogFacts facts(Map<String, Object> root, List<AlgorithmInfo> entries) {
        Map<Category, String> keywords = new EnumMap<>(Category.class);
        ((Map<String, Object>) root.getOrDefault("openssh-keywords", Map.of()))
                .forEach((id, keyword) -> keywords.put(category(id, "openssh-keywords"), keyword.toString()));
        Map<Category, List<String>> strength = new EnumMap<>(Category.class);
        ((Map<String, Object>) root.getOrDefault("strength", Map.of())).forEach((id, names) -> {
            Category category = category(id, "strength");
            List<String> ranked = strings(names);
            ranked.stream().filter(name -> !has(entries, category, name)).findFirst().ifPresent(name -> {
                throw new IllegalStateException("strength " + id + ": '" + name + "' is not a " + id + " entry");
            });
            strength.put(category, ranked);
        });
        return new CatalogFacts(keywords, strength, signals(entries));
    }

    private static Map<Signal, String> signals(List<AlgorithmInfo> entries) {
        Map<Signal, String> signals = new EnumMap<>(Signal.class);
        for (AlgorithmInfo info : entries) {
            info.signal().ifPresent(signal -> {
                if (signals.put(signal, info.name()) != null) {
                    throw new IllegalStateException("signal " + signal.id() + " is given to two entries");
                }
            });
        }
        return signals;
    }

    private static boolean has(List<AlgorithmInfo> entries, Category category, String name) {
        return entries.stream().anyMatch(e -> e.category() == category && e.name().equals(name));
    }

    private static Category category(String id, String section) {
        return SECTIONS.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException(section + ": '" + id + "' is not a category"));
    }

    private static AlgorithmInfo entry(Category category, Map<String, Object> raw, Map<String, Object> sources) {
        String name = text(raw, "name", category.id());
        String where = category.id() + " entry '" + name + "'";
        Verdict verdict = Verdict.fromId(text(raw, "verdict", where))
                .orElseThrow(() -> new IllegalStateException(where + ": bad verdict " + raw.get("verdict")));
        String sourceKey = text(raw, "source", where);
        Object source = sources.get(sourceKey);
        if (source == null) {
            throw new IllegalStateException(where + ": source '" + sourceKey + "' is not in the sources table");
        }
        AlgorithmKind kind = "signal".equals(raw.get("kind")) ? AlgorithmKind.SIGNAL : AlgorithmKind.ALGORITHM;
        Optional<Signal> signal = optional(raw.get("signal")).map(id -> Signal.fromId(id)
                .orElseThrow(() -> new IllegalStateException(where + ": bad signal " + id)));
        if (signal.isPresent() != (kind == AlgorithmKind.SIGNAL)) {
            throw new IllegalStateException(where + ": kind signal and a signal role go together");
        }
        return new AlgorithmInfo(name, category, kind, verdict, strings(raw.get("reasons")), source.toString(),
                traits(raw.get("traits"), where), optional(raw.get("since")), optional(raw.get("removed")))
                .withSignal(signal);
    }

    private static String text(Map<String, Object> raw, String key, String where) {
        Object value = raw.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(where + ": missing " + key);
        }
        return value.toString();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(Object::toString).toList();
    }

    private static Set<Trait> traits(Object value, String where) {
        Set<Trait> traits = EnumSet.noneOf(Trait.class);
        for (String id : strings(value)) {
            traits.add(Trait.fromId(id).orElseThrow(() -> new IllegalStateException(where + ": bad trait " + id)));
        }
        return traits;
    }

    private static Optional<String> optional(Object value) {
        return Optional.ofNullable(value).map(Object::toString);
    }
}
