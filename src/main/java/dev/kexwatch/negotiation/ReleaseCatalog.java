package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The built-in release catalogue ({@code releases.yaml}): default server offers of OpenSSH, Dropbear and
 * tinysshd releases, each with its source. Immutable.
 */
public final class ReleaseCatalog {

    /** The classpath resource with the releases. */
    public static final String BUILT_IN = "/dev/kexwatch/negotiation/releases.yaml";

    /** YAML keys of the lists; {@code cipher}, {@code mac}, {@code compression} stand for both directions. */
    public static final Map<String, KexList> LIST_KEYS = Map.of("kex", KexList.KEX, "hostkey", KexList.HOST_KEY,
            "cipher", KexList.CIPHER_C2S, "mac", KexList.MAC_C2S, "compression", KexList.COMPRESSION_C2S);

    private static final Pattern SOFTWARE = Pattern.compile(
            "(?i)(openssh)_(\\d+\\.\\d+)|(dropbear)_(\\d{4}\\.\\d+)|(tinyssh)_(\\d{8})");

    private final Map<String, Release> byId;

    private ReleaseCatalog(Map<String, Release> byId) {
        this.byId = byId;
    }

    public static ReleaseCatalog builtIn() {
        try (InputStream in = ReleaseCatalog.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalogue YAML; a built-in resource, so a broken entry is a bug that the integrity test finds. */
    @SuppressWarnings("unchecked")
    static ReleaseCatalog parse(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Release> byId = new LinkedHashMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("releases")) {
            Release release = release(entry);
            if (byId.put(release.id(), release) != null) {
                throw new IllegalStateException("release id '" + release.id() + "' twice in " + BUILT_IN);
            }
        }
        return new ReleaseCatalog(java.util.Collections.unmodifiableMap(byId));
    }

    @SuppressWarnings("unchecked")
    private static Release release(Map<String, Object> entry) {
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        LIST_KEYS.forEach((key, list) -> {
            List<String> names = ServerOffer.split(String.valueOf(entry.getOrDefault(key, "")));
            lists.put(list, names);
            if (list.direction().isPresent()) {
                for (Direction direction : Direction.values()) {
                    // Dropbear 2025.87+ offers no compression c2s but zlib s2c: `compression_c2s` overrides the pair.
                    String directed = key + "_" + direction.id();
                    lists.put(KexList.of(list.category(), direction), entry.containsKey(directed)
                            ? ServerOffer.split(String.valueOf(entry.get(directed))) : names);
                }
            }
        });
        return new Release((String) entry.get("id"), (String) entry.get("product"), (String) entry.get("version"),
                (String) entry.get("source"), (List<String>) entry.getOrDefault("unverified", List.of()),
                Optional.ofNullable((String) entry.get("client")), lists);
    }

    public Optional<Release> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Release> all() {
        return new ArrayList<>(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /**
     * The catalogue release a server's software version names ({@code OpenSSH_9.2p1}, {@code dropbear_2022.83},
     * {@code tinyssh_20230101}), matched on product and version; empty when the catalogue has no such release.
     */
    public Optional<Release> identify(String softwareVersion) {
        Matcher m = SOFTWARE.matcher(softwareVersion == null ? "" : softwareVersion);
        if (!m.find()) {
            return Optional.empty();
        }
        String id = m.group(1) != null ? "openssh-" + m.group(2)
                : m.group(3) != null ? "dropbear-" + m.group(4) : "tinysshd-" + m.group(6);
        return find(id.toLowerCase(Locale.ROOT));
    }
}
