package dev.kexwatch.negotiation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known client profiles: the built-in {@code clients.yaml} (each with its source) plus user files.
 * Immutable; ids are unique across all files, so a user file cannot silently replace a built-in profile.
 */
public final class ClientProfiles {

    /** The classpath resource with the built-in profiles. */
    public static final String BUILT_IN = "/dev/kexwatch/negotiation/clients.yaml";

    private final Map<String, ClientProfile> byId;

    private ClientProfiles(Map<String, ClientProfile> byId) {
        this.byId = byId;
    }

    /** The profiles shipped with kexwatch. */
    public static ClientProfiles builtIn() {
        try (InputStream in = ClientProfiles.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ClientProfiles(Map.of()).with("clients.yaml", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These profiles plus those of a user YAML file; throws {@link ProfileFormatException} with a location. */
    public ClientProfiles withFile(Path file) {
        try {
            return with(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read client profiles " + file, e);
        }
    }

    /** These profiles plus those parsed from YAML text; {@code origin} names it in error messages. */
    public ClientProfiles with(String origin, String yaml) {
        ProfileYaml parser = new ProfileYaml(origin);
        Map<String, ClientProfile> merged = new LinkedHashMap<>(byId);
        for (ClientProfile profile : parser.parse(yaml, byId.keySet())) {
            merged.put(profile.id(), profile);
        }
        return new ClientProfiles(java.util.Collections.unmodifiableMap(merged));
    }

    /** These profiles plus one built in code (e.g. from a REST request); its id must be new. */
    public ClientProfiles with(ClientProfile profile) {
        if (byId.containsKey(profile.id())) {
            throw new IllegalArgumentException("client profile id '" + profile.id() + "' already exists");
        }
        Map<String, ClientProfile> merged = new LinkedHashMap<>(byId);
        merged.put(profile.id(), profile);
        return new ClientProfiles(java.util.Collections.unmodifiableMap(merged));
    }

    public Optional<ClientProfile> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<ClientProfile> all() {
        return new ArrayList<>(byId.values());
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
