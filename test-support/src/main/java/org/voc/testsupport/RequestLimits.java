package org.voc.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the parts of a service's JSON request bodies that have no documented maximum in its OpenAPI document: a
 * string without {@code maxLength} (an enum, a fixed format or a pattern that cannot repeat without bound counts as
 * bounded), an array without {@code maxItems}, a map without {@code maxProperties}. A service's test asserts the
 * list is empty, so a new field cannot be added without saying how large it may be.
 */
public final class RequestLimits {

    /** Formats whose text has a fixed or small size. */
    private static final Set<String> BOUNDED_FORMATS =
            Set.of("uuid", "date-time", "date", "time", "local-time", "int32", "int64", "double", "float");
    /** A regular expression is unbounded when something in it repeats without an upper limit. */
    private static final Pattern CHARACTER_CLASS = Pattern.compile("\\[(?:\\\\.|[^\\]])*]");

    private static final Pattern UNBOUNDED_REPEAT = Pattern.compile("(?<!\\\\)[*+]|\\{\\d+,}");

    private RequestLimits() {}

    /** Fails listing every part of the running service's request bodies that has no documented maximum. */
    public static void assertDocumented() {
        try {
            JsonNode doc = new ObjectMapper()
                    .readTree(given().queryParam("format", "json")
                            .get("/q/openapi")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            List<String> found = unbounded(doc);
            assertTrue(found.isEmpty(), "request parts without a documented maximum:\n" + String.join("\n", found));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the OpenAPI document is not JSON", e);
        }
    }

    /** {@code "POST /api/x: answers[].text is a string without maxLength"}, one per unbounded part. */
    public static List<String> unbounded(JsonNode doc) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode content = op.getValue().path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    if (media.getKey().contains("json")) {
                        String where = op.getKey().toUpperCase() + " " + path.getKey() + ": ";
                        walk(doc, media.getValue().path("schema"), "body", where, new HashSet<>(), found);
                    }
                }
            }
        }
        return found;
    }

    private static void walk(
            JsonNode doc, JsonNode schema, String field, String where, Set<String> seen, List<String> found) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                walk(doc, resolve(doc, ref), field, where, seen, found);
                seen.remove(ref);
            }
            return;
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(part -> walk(doc, part, field, where, seen, found));
        }
        String type = schema.path("type").isArray()
                ? schema.path("type").get(0).asText()
                : schema.path("type").asText();
        switch (type) {
            case "string" -> {
                if (!schema.has("maxLength")
                        && !schema.has("enum")
                        && !boundedFormat(schema)
                        && !boundedPattern(schema)) {
                    found.add(where + field + " is a string without maxLength");
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    found.add(where + field + " is an array without maxItems");
                }
                walk(doc, schema.path("items"), field + "[]", where, seen, found);
            }
            case "object", "" -> {
                schema.path("properties")
                        .properties()
                        .forEach(p -> walk(doc, p.getValue(), qualified(field, p.getKey()), where, seen, found));
                JsonNode values = schema.path("additionalProperties");
                if (values.isObject()) {
                    if (!schema.has("maxProperties")) {
                        found.add(where + field + " is a map without maxProperties");
                    }
                    walk(doc, values, field + "{}", where, seen, found);
                }
            }
            default -> {
                // numbers and booleans are bounded by their type
            }
        }
    }

    private static String qualified(String field, String property) {
        return field.equals("body") ? property : field + "." + property;
    }

    private static boolean boundedFormat(JsonNode schema) {
        return BOUNDED_FORMATS.contains(schema.path("format").asText());
    }

    private static boolean boundedPattern(JsonNode schema) {
        if (!schema.has("pattern")) {
            return false;
        }
        // a + or * inside a character class ([._@+-]) is a character, not a repetition
        String pattern = CHARACTER_CLASS.matcher(schema.get("pattern").asText()).replaceAll("c");
        return !UNBOUNDED_REPEAT.matcher(pattern).find();
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode node = doc;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
