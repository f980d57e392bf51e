package org.voc.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an object against the openAPIV3Schema of a vendored CustomResourceDefinition, as the API server would:
 * types, required fields, enums, bounds, and unknown fields (which the server silently prunes, so a misspelt or
 * dropped field would never reach the operator). oneOf/anyOf alternatives and string patterns are not checked.
 */
final class CrdSchema {

    private final String group;
    private final String kind;
    private final String version;
    private final JsonNode schema;

    private CrdSchema(String group, String kind, String version, JsonNode schema) {
        this.group = group;
        this.kind = kind;
        this.version = version;
        this.schema = schema;
    }

    /** The schema of one served version of a CRD on the test class path, e.g. crds/strimzi-1.0.1/… */
    static CrdSchema load(String resource, String version) {
        try (InputStream in = CrdSchema.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test class path");
            }
            JsonNode crd = Chart.YAML.readTree(in);
            for (JsonNode served : crd.path("spec").path("versions")) {
                if (version.equals(served.path("name").asText())
                        && served.path("served").asBoolean()) {
                    return new CrdSchema(
                            crd.path("spec").path("group").asText(),
                            crd.path("spec").path("names").path("kind").asText(),
                            version,
                            served.path("schema").path("openAPIV3Schema"));
                }
            }
            throw new IllegalStateException(resource + " does not serve " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean describes(JsonNode object) {
        return (group + "/" + version).equals(object.path("apiVersion").asText())
                && kind.equals(object.path("kind").asText());
    }

    List<String> problems(JsonNode object) {
        List<String> problems = new ArrayList<>();
        JsonNode withoutMetadata = object.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutMetadata).remove("metadata");
        check(withoutMetadata, schema, "", problems);
        return problems;
    }

    private static void check(JsonNode node, JsonNode schema, String path, List<String> problems) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && !schema.has("properties")
                && !schema.has("type")) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!node.isTextual() && !node.isIntegralNumber()) {
                problems.add(path + " must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!node.isObject()) {
                    problems.add(path + " must be an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                JsonNode additional = schema.path("additionalProperties");
                boolean preserve =
                        schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
                node.fields().forEachRemaining(field -> {
                    String where = path + "." + field.getKey();
                    if (properties.has(field.getKey())) {
                        check(field.getValue(), properties.get(field.getKey()), where, problems);
                    } else if (additional.isObject()) {
                        check(field.getValue(), additional, where, problems);
                    } else if (!preserve && !additional.asBoolean(false)) {
                        problems.add(where + " is not a field of the schema (the API server would drop it)");
                    }
                });
                schema.path("required").forEach(r -> {
                    if (!node.has(r.asText())) {
                        problems.add(path + "." + r.asText() + " is required");
                    }
                });
            }
            case "array" -> {
                if (!node.isArray()) {
                    problems.add(path + " must be an array");
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!node.isTextual()) {
                    problems.add(path + " must be a string, is " + node.getNodeType());
                }
            }
            case "integer" -> {
                if (!node.isIntegralNumber()) {
                    problems.add(path + " must be an integer, is " + node.getNodeType());
                }
            }
            case "number" -> {
                if (!node.isNumber()) {
                    problems.add(path + " must be a number, is " + node.getNodeType());
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    problems.add(path + " must be a boolean, is " + node.getNodeType());
                }
            }
            default -> {
                // No type: anything (e.g. x-kubernetes-preserve-unknown-fields with properties).
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.path("enum")) {
                listed |= allowed.equals(node) || allowed.asText().equals(node.asText());
            }
            if (!listed) {
                problems.add(path + " is " + node + ", not one of " + schema.path("enum"));
            }
        }
        if (schema.has("minimum")
                && node.isNumber()
                && node.asDouble() < schema.path("minimum").asDouble()) {
            problems.add(path + " is below the minimum " + schema.path("minimum"));
        }
        if (schema.has("maximum")
                && node.isNumber()
                && node.asDouble() > schema.path("maximum").asDouble()) {
            problems.add(path + " is above the maximum " + schema.path("maximum"));
        }
    }
}
