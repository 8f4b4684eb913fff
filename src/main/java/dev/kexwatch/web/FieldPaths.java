package dev.kexwatch.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Field paths as API users write them ({@code port}, {@code labels[env]}, {@code hosts[2].address}), from
 * Bean Validation paths and Jackson reference chains, without Java class or method names. The whole body is
 * {@code body}.
 */
public final class FieldPaths {

    public static final String BODY = "body";

    private FieldPaths() {
    }

    /**
     * Drops the method and parameter nodes ({@code add.spec.port} is {@code port}); a violation on a parameter
     * itself ({@code list.page}) names the parameter: query and path parameters are named as the API names them.
     */
    public static String of(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return !out.isEmpty() ? out.toString() : parameter != null ? parameter : BODY;
    }

    /** {@code hosts[2].port}, from Jackson's reference chain. */
    public static String of(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? BODY : out.toString();
    }

    /** What a JSON value of this Java type looks like, for "expected …" messages. */
    public static String jsonShapeOf(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !Number.class.isAssignableFrom(type) ? "an object" : "a number";
    }
}
