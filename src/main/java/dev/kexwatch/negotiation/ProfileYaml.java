package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.YamlSyntaxError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads client profiles from YAML. SnakeYAML's node tree is used (not data binding) so that every error can
 * say file, line and column. A list is a YAML sequence or a comma-joined string as {@code ssh -vv} prints it;
 * {@code cipher}, {@code mac} and {@code compression} apply to both directions unless {@code *_c2s} and
 * {@code *_s2c} are given.
 */
final class ProfileYaml {

    private static final Set<String> SCALARS = Set.of("id", "name", "version", "source");
    private static final Map<String, List<KexList>> LIST_KEYS = listKeys();

    private final String file;

    ProfileYaml(String file) {
        this.file = file;
    }

    /** Parses all profiles; an id already in {@code takenIds} or repeated in the file is an error at its node. */
    List<ClientProfile> parse(String text, Set<String> takenIds) {
        Set<String> ids = new java.util.HashSet<>(takenIds);
        Node root = compose(text);
        MappingNode top = mapping(root, "the file must be a mapping with a 'profiles' list");
        Map<String, NodeTuple> fields = fields(top, Set.of("profiles"));
        NodeTuple profiles = require(fields, "profiles", top);
        if (!(profiles.getValueNode() instanceof SequenceNode seq)) {
            throw error(profiles.getValueNode(), "'profiles' must be a list");
        }
        List<ClientProfile> result = new ArrayList<>();
        for (Node item : seq.getValue()) {
            ClientProfile profile = profile(mapping(item, "each profile must be a mapping"));
            if (!ids.add(profile.id())) {
                throw error(item, "client profile id '" + profile.id() + "' already exists");
            }
            result.add(profile);
        }
        return result;
    }

    ProfileFormatException error(Node node, String problem) {
        Mark mark = node.getStartMark();
        return new ProfileFormatException(file, YamlSyntaxError.line(mark), YamlSyntaxError.column(mark), problem);
    }

    private Node compose(String text) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
            if (root == null) {
                throw new ProfileFormatException(file, 1, 1, "the file is empty");
            }
            return root;
        } catch (YAMLException e) {
            // past a loader limit (e.g. 3 MB of code points) SnakeYAML's message names the limit and has no mark
            YamlSyntaxError error = YamlSyntaxError.of(e);
            throw new ProfileFormatException(file, error.line(), error.column(),
                    (error.located() ? "not valid YAML: " : "not accepted as YAML: ") + error.message());
        }
    }

    private ClientProfile profile(MappingNode node) {
        Set<String> allowed = new java.util.HashSet<>(SCALARS);
        allowed.addAll(LIST_KEYS.keySet());
        Map<String, NodeTuple> fields = fields(node, allowed);
        Map<String, String> scalars = new LinkedHashMap<>();
        for (String key : SCALARS) {
            scalars.put(key, scalar(require(fields, key, node).getValueNode(), key));
        }
        return new ClientProfile(scalars.get("id"), scalars.get("name"), scalars.get("version"),
                scalars.get("source"), lists(node, fields));
    }

    private Map<KexList, List<String>> lists(MappingNode node, Map<String, NodeTuple> fields) {
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        fields.forEach((key, tuple) -> {
            for (KexList list : LIST_KEYS.getOrDefault(key, List.of())) {
                lists.put(list, names(tuple.getValueNode(), key));
            }
        });
        for (KexList list : ClientProfile.NEGOTIATED) {
            if (!lists.containsKey(list)) {
                throw error(node, "profile lacks the " + list.key() + " list (give '" + list.category().id()
                        + "' or '" + list.key() + "')");
            }
        }
        return lists;
    }

    private List<String> names(Node node, String key) {
        List<String> names;
        if (node instanceof SequenceNode seq) {
            names = seq.getValue().stream().map(n -> scalar(n, key)).toList();
        } else {
            names = Arrays.stream(scalar(node, key).split(",", -1)).map(String::strip).toList();
        }
        if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
            throw error(node, "'" + key + "' must be a non-empty list of names without empty entries");
        }
        return names;
    }

    private Map<String, NodeTuple> fields(MappingNode node, Set<String> allowed) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
            if (fields.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), "key '" + key + "' appears twice");
            }
        }
        return fields;
    }

    private NodeTuple require(Map<String, NodeTuple> fields, String key, Node owner) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            throw error(owner, "missing '" + key + "'");
        }
        return tuple;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(node, "'" + what + "' must be a non-empty text");
        }
        return scalar.getValue().strip();
    }

    private MappingNode mapping(Node node, String problem) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(node, problem);
    }

    private static Map<String, List<KexList>> listKeys() {
        Map<String, List<KexList>> keys = new LinkedHashMap<>();
        keys.put("kex", List.of(KexList.KEX));
        keys.put("hostkey", List.of(KexList.HOST_KEY));
        for (KexList list : ClientProfile.NEGOTIATED) {
            if (list.direction().isPresent()) {
                keys.computeIfAbsent(list.category().id(), k -> new ArrayList<>()).add(list);
                keys.put(list.key(), List.of(list));
            }
        }
        return keys;
    }
}
