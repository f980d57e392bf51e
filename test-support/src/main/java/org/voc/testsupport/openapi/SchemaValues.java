package org.voc.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Values that a JSON schema of an OpenAPI document describes, drawn from a seeded {@link Random}: with
 * {@code edge} 0 they keep every declared type, enum, format, bound, length and required field; with a higher
 * {@code edge} each value is that likely to sit on or just past a bound instead (a string one longer than
 * maxLength, a number below minimum, a date at the end of time, a value outside the enum).
 */
public final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    /** Arrays longer than this repeat one element of at most {@link #SMALL} characters. */
    private static final int MANY = 100;

    private static final int SMALL = 1_000;

    /** Dates at and past what Java, PostgreSQL and JSON agree on. */
    static final List<String> EDGE_DATE_TIMES = List.of(
            "0000-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "-4713-11-24T00:00:00Z",
            "+294276-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59.999999999Z",
            "2024-02-30T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:00:00+18:00",
            "2024-01-01T00:00:00",
            "2024-01-01",
            "yesterday");

    static final List<String> EDGE_DATES =
            List.of("0000-01-01", "0001-01-01", "9999-12-31", "+10000-01-01", "-999999999-01-01", "2023-02-29");

    private final ApiDocument document;
    private final Random random;
    private final double edge;

    public SchemaValues(ApiDocument document, Random random, double edge) {
        this.document = document;
        this.random = random;
        this.edge = edge;
    }

    public SchemaValues(ApiDocument document, Random random) {
        this(document, random, 0);
    }

    /** A value of the schema, as a JSON tree. */
    public JsonNode value(JsonNode schema) {
        return value(schema, 0);
    }

    /** A value of the schema as it would appear in a path or query parameter. */
    public String plain(JsonNode schema) {
        JsonNode value = value(schema, MAX_DEPTH - 1);
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private boolean edgy() {
        return edge > 0 && random.nextDouble() < edge;
    }

    private JsonNode value(JsonNode raw, int depth) {
        JsonNode schema = document.resolve(raw);
        JsonNode composed = first(schema, "allOf");
        if (composed != null && schema.path("allOf").size() == 1 && !schema.has("properties")) {
            return value(composed, depth);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = JSON.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode v = value(part, depth);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                }
            }
            if (schema.has("properties")) {
                merged.setAll((ObjectNode) object(schema, depth));
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                JsonNode options = schema.get(choice);
                return value(options.get(random.nextInt(options.size())), depth);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            if (edgy()) {
                return JSON.textNode(random.nextBoolean() ? "NOT_A_VALUE" : "");
            }
            List<JsonNode> options = new ArrayList<>();
            schema.get("enum").forEach(e -> {
                if (!e.isNull()) {
                    options.add(e);
                }
            });
            return options.isEmpty() ? JSON.nullNode() : options.get(random.nextInt(options.size()));
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        return switch (type(schema)) {
            case "object" -> depth >= MAX_DEPTH ? JSON.objectNode() : object(schema, depth);
            case "array" -> depth >= MAX_DEPTH ? JSON.arrayNode() : array(schema, depth);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> string(schema);
        };
    }

    private static JsonNode first(JsonNode schema, String keyword) {
        JsonNode list = schema.path(keyword);
        return list.isArray() && !list.isEmpty() ? list.get(0) : null;
    }

    /** The schema's type; OpenAPI 3.1 may list several ({@code [string, "null"]}), of which the first real one. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            boolean needed = required.contains(property.getKey());
            if (needed && edgy()) {
                continue; // a required field left out
            }
            if (needed || random.nextInt(3) > 0) {
                object.set(property.getKey(), value(property.getValue(), depth + 1));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && !additional.isEmpty()) {
            int entries = random.nextInt(3);
            for (int i = 0; i < entries; i++) {
                object.set(word(1, 12), value(additional, depth + 1));
            }
        }
        if (edgy()) {
            object.put("unexpectedField", 1);
        }
        return object;
    }

    private JsonNode array(JsonNode schema, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.get("maxItems").asInt() : min + 3;
        int size = min + random.nextInt(Math.max(1, Math.min(max, min + 3) - min + 1));
        if (edgy()) {
            size = random.nextBoolean() && schema.has("maxItems") ? max + 1 : Math.max(0, min - 1);
        }
        ArrayNode array = JSON.arrayNode();
        if (size > MANY) {
            // One past a large bound (10,000 import rows): one small element repeated, so the body stays a few
            // megabytes; elements as large as the schema allows would make it gigabytes.
            JsonNode element = smallElement(schema.path("items"), depth + 1);
            for (int i = 0; i < size; i++) {
                array.add(element);
            }
            return array;
        }
        for (int i = 0; i < size; i++) {
            array.add(value(schema.path("items"), depth + 1));
        }
        return array;
    }

    private JsonNode smallElement(JsonNode items, int depth) {
        for (int attempt = 0; attempt < 10; attempt++) {
            JsonNode element = value(items, depth);
            if (element.toString().length() <= SMALL) {
                return element;
            }
        }
        return JSON.nullNode();
    }

    private JsonNode integer(JsonNode schema) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 0) + 100;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            min = schema.get("exclusiveMinimum").asLong() + 1;
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            max = schema.get("exclusiveMaximum").asLong() - 1;
        }
        if (edgy()) {
            return switch (random.nextInt(5)) {
                case 0 -> JSON.numberNode(min - 1);
                case 1 -> JSON.numberNode(max + 1);
                case 2 -> JSON.numberNode(Long.MAX_VALUE);
                case 3 -> JSON.numberNode(new BigInteger("99999999999999999999999"));
                default -> JSON.numberNode(Integer.MIN_VALUE);
            };
        }
        long span = Math.max(0, max - min);
        return JSON.numberNode(min + (span >= Long.MAX_VALUE / 2 ? random.nextInt(1000) : random.nextLong(span + 1)));
    }

    private JsonNode number(JsonNode schema) {
        double min = schema.path("minimum").asDouble(0);
        double max = schema.has("maximum") ? schema.get("maximum").asDouble() : min + 100;
        if (edgy()) {
            return switch (random.nextInt(4)) {
                case 0 -> JSON.numberNode(min - 0.001);
                case 1 -> JSON.numberNode(max + 0.001);
                case 2 -> JSON.numberNode(new BigDecimal("1e400"));
                default -> JSON.numberNode(-Double.MAX_VALUE);
            };
        }
        return JSON.numberNode(min + random.nextDouble() * (max - min));
    }

    private JsonNode string(JsonNode schema) {
        String format = schema.path("format").asText("");
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : Integer.MAX_VALUE;
        if (edgy()) {
            return switch (format) {
                case "date-time" -> JSON.textNode(pick(EDGE_DATE_TIMES));
                case "date" -> JSON.textNode(pick(EDGE_DATES));
                case "uuid" -> JSON.textNode(random.nextBoolean() ? "not-a-uuid" : "00000000-0000-0000-0000-0000");
                default ->
                    JSON.textNode(
                            maxLength < 100_000 && random.nextBoolean()
                                    ? "x".repeat(maxLength + 1)
                                    : minLength > 0 ? "x".repeat(minLength - 1) : Hostile.string(random));
            };
        }
        String value = switch (format) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time" ->
                Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000))
                        .toString();
            case "date" ->
                LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000)).toString();
            case "email" -> word(3, 8) + "@example.org";
            case "uri", "url" -> "https://example.org/" + word(1, 8);
            case "int32", "int64" -> Integer.toString(random.nextInt(100));
            default -> word(Math.max(1, minLength), Math.max(1, Math.min(maxLength, 12)));
        };
        if (value.length() > maxLength) {
            value = value.substring(0, maxLength);
        }
        return JSON.textNode(value);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A lower-case key like the ones the services use (letters, digits, dashes). */
    String word(int min, int max) {
        int length = min + random.nextInt(Math.max(1, max - min + 1));
        StringBuilder word = new StringBuilder("fz");
        while (word.length() < length) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.substring(0, Math.max(min, Math.min(length, word.length())));
    }
}
