package org.voc.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hostile inputs: odd strings and numbers, and mutations of a well-formed JSON body. */
final class Hostile {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_BODY = 12 * 1024 * 1024;

    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "\udfff\ud800",
            "\u202e\u2066evil",
            "\u200b\u200d\ufeff",
            "\uffff\ufffe",
            "😀🇨🇭👩‍👩‍👧",
            "Ω≈ç√∫˜µ≤≥÷",
            "e\u0301\u0301\u0301\u0301\u0301",
            "\r\n\t\u000b\u000c",
            "<script>alert(1)</script>",
            "'; drop table touchpoint; --",
            "../../../../etc/passwd",
            "%00%2e%2e%2f",
            "${jndi:ldap://example.org/a}",
            "null",
            "-1",
            "1e309",
            "NaN",
            "true",
            "0x7fffffff",
            "   leading and trailing   ");

    static final List<JsonNode> NUMBERS = List.of(
            JSON.numberNode(0),
            JSON.numberNode(-1),
            JSON.numberNode(Integer.MAX_VALUE),
            JSON.numberNode(Integer.MAX_VALUE + 1L),
            JSON.numberNode(Integer.MIN_VALUE - 1L),
            JSON.numberNode(Long.MAX_VALUE),
            JSON.numberNode(Long.MIN_VALUE),
            JSON.numberNode(new BigInteger("18446744073709551616")),
            JSON.numberNode(new BigDecimal("1e400")),
            JSON.numberNode(new BigDecimal("-1e-400")),
            JSON.numberNode(0.5),
            JSON.numberNode(-0.0),
            JSON.numberNode(Double.MAX_VALUE));

    private Hostile() {}

    static String string(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "x".repeat(1 + random.nextInt(300_000));
            case 1 -> "😀".repeat(1 + random.nextInt(20_000));
            case 2 -> SchemaValues.EDGE_DATE_TIMES.get(random.nextInt(SchemaValues.EDGE_DATE_TIMES.size()));
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    /** Any JSON value, of any type, likely the wrong one where it lands. */
    static JsonNode value(Random random) {
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> JSON.textNode(string(random));
            case 3, 4 -> NUMBERS.get(random.nextInt(NUMBERS.size()));
            case 5 -> JSON.booleanNode(random.nextBoolean());
            case 6 -> JSON.nullNode();
            case 7 -> JSON.objectNode().put("a", 1);
            default -> {
                ArrayNode array = JSON.arrayNode();
                int size = random.nextInt(3) == 0 ? 20_000 : random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(i);
                }
                yield array;
            }
        };
    }

    /** The body with one to three of its values changed, removed, duplicated into huge arrays or joined by others. */
    static JsonNode mutate(JsonNode body, Random random) {
        JsonNode copy = body.deepCopy();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(copy, containers);
            if (containers.isEmpty()) {
                return value(random);
            }
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                int choice = names.isEmpty() ? 0 : random.nextInt(4);
                switch (choice) {
                    case 0 -> object.set(random.nextBoolean() ? "unknownField" : string(random), value(random));
                    case 1 -> object.remove(names.get(random.nextInt(names.size())));
                    case 2 -> object.set(names.get(random.nextInt(names.size())), JSON.nullNode());
                    default -> object.set(names.get(random.nextInt(names.size())), value(random));
                }
            } else if (target instanceof ArrayNode array) {
                if (!array.isEmpty() && random.nextBoolean()) {
                    JsonNode element = array.get(random.nextInt(array.size()));
                    // Thousands of copies, but a body stays near the servers' 10 MiB limit, not gigabytes.
                    int size = Math.max(1, element.toString().length());
                    int copies = random.nextBoolean() ? Math.max(2, Math.min(5_000, MAX_BODY / size)) : 2;
                    for (int i = 0; i < copies; i++) {
                        array.add(element.deepCopy());
                    }
                } else if (!array.isEmpty()) {
                    array.set(random.nextInt(array.size()), value(random));
                } else {
                    array.add(value(random));
                }
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    /** Bodies that are not the JSON the operation reads at all. */
    static String garbage(String validJson, Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "[" + validJson + "]";
            case 3 -> validJson.substring(0, validJson.length() / 2);
            case 4 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 5 -> "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
            case 6 -> "\ufeff" + validJson;
            case 7 -> validJson.replace("\"", "'");
            case 8 -> "42";
            default -> "<xml>not json</xml>";
        };
    }
}
