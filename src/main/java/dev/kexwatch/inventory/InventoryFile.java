package dev.kexwatch.inventory;

import dev.kexwatch.inventory.InventoryEntry.Position;
import dev.kexwatch.inventory.InventoryException.RowError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.kexwatch.algorithm.YamlSyntaxError;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML inventory: {@code hosts: [{address, port, labels, enabled}]}. The document is walked as nodes
 * (SnakeYAML keeps each node's line and column), so every problem is found in one pass and reported where it
 * stands: an unknown or misspelt key on its own line, a repeated key or label key at its second use, a value
 * of the wrong shape at the value. Only a syntax error stops the reading, as it stops any YAML parser.
 */
final class InventoryFile {

    /** The entries read and the problems found on the way; entries with a problem keep their good fields. */
    record Parsed(List<InventoryEntry> entries, List<RowError> errors) {
    }

    private static final Set<String> HOST_KEYS = Set.of("address", "port", "labels", "enabled");

    private final String name;
    private final List<RowError> errors = new ArrayList<>();

    private InventoryFile(String name) {
        this.name = name;
    }

    static Parsed parse(String text, String name) {
        return new InventoryFile(name).read(text);
    }

    private Parsed read(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            // Unreadable characters (a NUL, say) and the loader's own limits have no node to point at.
            YamlSyntaxError error = YamlSyntaxError.of(e);
            String message = "not valid YAML: " + printable(error.message());
            errors.add(error.located() ? new RowError(name, "", message, error.line(), error.column())
                    : new RowError(name, "", message));
            return new Parsed(List.of(), errors);
        }
        List<InventoryEntry> entries = new ArrayList<>();
        if (root == null) {
            return new Parsed(entries, errors);
        }
        Map<String, NodeTuple> top = mapping(root, name, "the document", Set.of("hosts"));
        NodeTuple hosts = top.get("hosts");
        if (hosts == null || isNull(hosts.getValueNode())) {
            return new Parsed(entries, errors);
        }
        if (!(hosts.getValueNode() instanceof SequenceNode list)) {
            errors.add(at(name, "hosts", "must be a list of hosts", hosts.getValueNode().getStartMark()));
            return new Parsed(entries, errors);
        }
        for (int i = 0; i < list.getValue().size(); i++) {
            entries.add(entry(list.getValue().get(i), name + ": hosts[" + i + "]"));
        }
        return new Parsed(entries, errors);
    }

    private InventoryEntry entry(Node node, String where) {
        Map<String, Position> fields = new HashMap<>();
        fields.put("", position(node.getStartMark()));
        if (isNull(node)) {
            return new InventoryEntry(where, null, fields);
        }
        Map<String, NodeTuple> keys = mapping(node, where, "a host", HOST_KEYS);
        keys.forEach((key, tuple) -> fields.put(key, position(tuple.getValueNode().getStartMark())));
        String address = keys.containsKey("address") ? scalar(keys.get("address"), where) : null;
        Integer port = keys.containsKey("port") ? port(keys.get("port"), where) : null;
        Map<String, String> labels = keys.containsKey("labels") ? labels(keys.get("labels"), where) : null;
        Boolean enabled = keys.containsKey("enabled") ? bool(keys.get("enabled"), where) : null;
        return new InventoryEntry(where, new HostSpec(address, port, labels, enabled), fields);
    }

    /** The keys of a mapping; unknown keys and keys given twice are errors at the key. */
    private Map<String, NodeTuple> mapping(Node node, String where, String what, Set<String> allowed) {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            errors.add(at(where, "", what + " must be a mapping of key: value", node.getStartMark()));
            return keys;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            Mark mark = tuple.getKeyNode().getStartMark();
            if (!allowed.contains(key)) {
                errors.add(at(where, key, "unknown field '" + key + "' (known: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")", mark));
            } else if (keys.containsKey(key)) {
                errors.add(at(where, key, "'" + key + "' is given twice; remove one", mark));
            } else {
                keys.put(key, tuple);
            }
        }
        return keys;
    }

    private String scalar(NodeTuple tuple, String where) {
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode s) {
            return isNull(value) ? null : s.getValue();
        }
        errors.add(at(where, key(tuple), "must be a single value", value.getStartMark()));
        return null;
    }

    private Integer port(NodeTuple tuple, String where) {
        String text = scalar(tuple, where);
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(at(where, "port", "'" + text + "' is not a number", tuple.getValueNode().getStartMark()));
            return null;
        }
    }

    private Boolean bool(NodeTuple tuple, String where) {
        String text = scalar(tuple, where);
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                errors.add(at(where, "enabled", "'" + text + "' is not true or false",
                        tuple.getValueNode().getStartMark()));
                yield null;
            }
        };
    }

    /** Label keys given twice are reported, not silently resolved to the last value. */
    private Map<String, String> labels(NodeTuple tuple, String where) {
        Node node = tuple.getValueNode();
        Map<String, String> labels = new LinkedHashMap<>();
        if (isNull(node)) {
            return labels;
        }
        if (!(node instanceof MappingNode mapping)) {
            errors.add(at(where, "labels", "must be a mapping of key: value", node.getStartMark()));
            return labels;
        }
        for (NodeTuple label : mapping.getValue()) {
            String key = label.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (labels.containsKey(key)) {
                errors.add(at(where, "labels[" + key + "]", "label '" + key + "' is given twice; remove one",
                        label.getKeyNode().getStartMark()));
            } else if (!(label.getValueNode() instanceof ScalarNode value)) {
                errors.add(at(where, "labels[" + key + "]", "must be a single value",
                        label.getValueNode().getStartMark()));
            } else {
                labels.put(key, value.getValue());
            }
        }
        return labels;
    }

    /** The parser quotes the document's characters in its messages: a NUL or an ESC must not reach a log or a body. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    private static Position position(Mark mark) {
        return new Position(YamlSyntaxError.line(mark), YamlSyntaxError.column(mark));
    }

    private static RowError at(String where, String field, String message, Mark mark) {
        Position p = position(mark);
        return new RowError(where, field, message, p.line(), p.column());
    }
}
