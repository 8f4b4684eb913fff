package dev.kexwatch.listen;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.negotiation.ClientProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Captured clients in the client-profile file format that {@code negotiate --client FILE} reads
 * ({@code profiles:} with {@code id, name, version, source} and one key per negotiated list). SnakeYAML writes it,
 * so client text (already escaped) is quoted wherever YAML needs it.
 */
public final class ProfileFile {

    private ProfileFile() {
    }

    /** The profile as the file format's mapping, keys in the file's order; also the {@code profile} of JSON. */
    public static Map<String, Object> fields(ClientProfile profile) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", profile.id());
        fields.put("name", profile.name());
        fields.put("version", profile.version());
        fields.put("source", profile.source());
        for (KexList list : ClientProfile.NEGOTIATED) {
            fields.put(key(list), profile.get(list));
        }
        return fields;
    }

    /** The whole file for {@code profiles}. */
    public static String yaml(List<ClientProfile> profiles) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        Map<String, Object> root = Map.of("profiles", profiles.stream().map(ProfileFile::fields).toList());
        return "# Client profiles captured by kexwatch listen; use with: kexwatch negotiate --client THIS_FILE\n"
                + new Yaml(options).dump(root);
    }

    /** The file's key for a list: {@code kex}, {@code hostkey}, {@code cipher_c2s}, ... */
    static String key(KexList list) {
        return list == KexList.HOST_KEY ? "hostkey" : list.key();
    }
}
