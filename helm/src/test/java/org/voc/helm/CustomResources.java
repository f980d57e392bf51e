package org.voc.helm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Validates operator custom resources (not in fabric8's core model) against the field subsets in crd-schemas.yaml. */
final class CustomResources {

    private static final Map<String, Map<String, Object>> SCHEMAS = load();

    private CustomResources() {}

    static boolean isKnown(JsonNode object) {
        return SCHEMAS.containsKey(KubernetesModel.typeKey(object));
    }

    static List<String> problems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> schema = SCHEMAS.get(KubernetesModel.typeKey(object));
        if (schema == null) {
            problems.add("unknown custom resource type " + KubernetesModel.typeKey(object));
            return problems;
        }
        if (object.path("metadata").path("name").asText().isBlank()) {
            problems.add("metadata.name is missing");
        }
        Iterator<String> fields = object.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!List.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add("unknown top-level field " + field);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        for (String path : required) {
            if (at(object, path).isMissingNode()) {
                problems.add("required field " + path + " is missing");
            }
        }
        check(object.path("spec"), schema.get("spec"), "spec", problems);
        return problems;
    }

    /** Resolves a dotted path; a label key such as strimzi.io/cluster is matched whole under metadata.labels. */
    private static JsonNode at(JsonNode object, String path) {
        if (path.startsWith("metadata.labels.")) {
            return object.path("metadata").path("labels").path(path.substring("metadata.labels.".length()));
        }
        JsonNode node = object;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    private static void check(JsonNode node, Object schema, String path, List<String> problems) {
        if (node.isMissingNode()) {
            return;
        }
        if (schema instanceof Map<?, ?> fields) {
            if (!node.isObject()) {
                problems.add(path + " must be an object");
                return;
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!fields.containsKey(name)) {
                    problems.add("unknown field " + path + "." + name);
                } else {
                    check(node.get(name), fields.get(name), path + "." + name, problems);
                }
            });
        } else if (schema instanceof List<?> items) {
            if (!node.isArray()) {
                problems.add(path + " must be an array");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), items.get(0), path + "[" + i + "]", problems);
            }
        } else {
            boolean ok = switch (String.valueOf(schema)) {
                case "string" -> node.isTextual();
                case "integer" -> node.isIntegralNumber();
                case "boolean" -> node.isBoolean();
                case "object" -> node.isObject();
                case "array" -> node.isArray();
                default -> false;
            };
            if (!ok) {
                problems.add(path + " must be " + schema + " but is " + node.getNodeType());
            }
        }
    }

    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = CustomResources.class.getResourceAsStream("/crd-schemas.yaml")) {
            return Chart.YAML.readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
