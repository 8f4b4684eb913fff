package dev.kexwatch.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field, reporting every problem with its position: unknown keys (with a suggestion),
 * duplicate keys, missing keys and values of the wrong shape.
 */
final class YamlFields {

    private final Node node;
    private final String what;
    private final Problems problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    YamlFields(Node node, String what, Set<String> allowed, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, what + " must be a mapping of key: value");
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : "?";
            if (!allowed.contains(key)) {
                problems.at(keyNode, "unknown key '" + key + "' in " + what + Suggest.didYouMean(key, allowed)
                        + "; allowed keys: " + String.join(", ", allowed));
            } else if (fields.containsKey(key)) {
                problems.at(keyNode, "duplicate key '" + key + "' in " + what);
            } else {
                fields.put(key, tuple);
            }
        }
    }

    Node node() {
        return node;
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(fields.get(key)).map(NodeTuple::getValueNode);
    }

    /** A scalar value; reports a missing required key at the mapping's position. */
    Optional<String> text(String key, boolean required) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            if (required && node instanceof MappingNode) {
                problems.at(node, what + " is missing '" + key + "'");
            }
            return Optional.empty();
        }
        if (!(value.get() instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            problems.at(value.get(), "'" + key + "' in " + what + " must be a non-empty text");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** A list of scalars, each with its node for positions. */
    List<ScalarNode> scalars(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.at(value.get(), "'" + key + "' in " + what + " must be a non-empty list");
            return List.of();
        }
        List<ScalarNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                items.add(scalar);
            } else {
                problems.at(item, "each entry of '" + key + "' in " + what + " must be a name");
            }
        }
        return items;
    }

    /** A list of mappings (rules, waivers, changelog entries). */
    List<Node> items(String key) {
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!(value.get() instanceof SequenceNode sequence)) {
            problems.at(value.get(), "'" + key + "' in " + what + " must be a list");
            return List.of();
        }
        return sequence.getValue();
    }

    /** A mapping of label to value. */
    Map<String, String> labels(String key) {
        Map<String, String> labels = new LinkedHashMap<>();
        Optional<Node> value = value(key);
        if (value.isEmpty()) {
            return labels;
        }
        if (!(value.get() instanceof MappingNode mapping)) {
            problems.at(value.get(), "'" + key + "' in " + what + " must be a mapping of label: value");
            return labels;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && tuple.getValueNode() instanceof ScalarNode v) {
                labels.put(k.getValue(), v.getValue());
            } else {
                problems.at(tuple.getKeyNode(), "labels in " + what + " must be plain label: value pairs");
            }
        }
        return labels;
    }
}
