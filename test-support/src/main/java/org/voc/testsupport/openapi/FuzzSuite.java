package org.voc.testsupport.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Drives every operation of the service's own OpenAPI document with generated and mutated input, as a caller the
 * operation admits: bodies built from the schemas (types, enums, formats, bounds, required fields), pushed past their
 * bounds or mutated (wrong types, missing and extra fields, huge strings and arrays, NUL and odd Unicode, dates at
 * the end of time), garbage path and query parameters, odd If-Match values and wrong content types. Whatever comes
 * in, the service must never answer 5xx, and every 4xx must be {@code application/problem+json} (the hosted survey
 * pages under {@code /s/} answer HTML). The seed is fixed unless {@code -Dvoc.fuzz.seed} says otherwise;
 * {@code -Dvoc.fuzz.requests} sets the count, {@code -Dvoc.fuzz.request=N} replays one request of the run alone.
 */
public abstract class FuzzSuite {

    private static final long DEFAULT_SEED = 20261130L;
    private static final int DEFAULT_REQUESTS = 2_100;
    private static final int REPORTED = 25;
    /**
     * Request lines stay under Vert.x's 4 KiB limit: a longer one is refused by the HTTP codec with a bare 414
     * before any application code runs, which no service can turn into a problem (quarkusio/quarkus#55082).
     */
    private static final int URL_LENGTH = 3_500;

    private static final int URL_PART = 1_200;

    /** Bodies longer than Quarkus's default limit (10 MiB), which a server may refuse by closing the connection. */
    private static final int OVERSIZED = 10 * 1024 * 1024;

    private static final List<String> WRONG_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic",
            "application/octet-stream",
            "not a media type",
            "");
    private static final List<String> IF_MATCH =
            List.of("*", "W/\"0\"", "\"-1\"", "\"99999999999999999999\"", "abc", "\"\"", "\"0\", \"1\"", "\"1\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One generated request, as it was sent, so that a failure can be reproduced by hand. */
    record Sent(
            int index,
            String operation,
            String method,
            String target,
            String contentType,
            String ifMatch,
            String body,
            String caller) {

        String describe(long seed) {
            String shown = body == null
                    ? "(none)"
                    : body.length() > 600 ? body.substring(0, 600) + "… (" + body.length() + " chars)" : body;
            String shownTarget = target.length() > 400 ? target.substring(0, 400) + "…" : target;
            return method + " " + shownTarget + "\n    caller: " + caller + ", Content-Type: " + contentType
                    + ", If-Match: " + ifMatch + "\n    body: " + shown.replace("\u0000", "\\u0000")
                    + "\n    replay: -Dvoc.fuzz.seed=" + seed + " -Dvoc.fuzz.request=" + index;
        }
    }

    @Test
    void noOperationFailsOnHostileInput() throws Exception {
        long seed = Long.getLong("voc.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("voc.fuzz.requests", DEFAULT_REQUESTS);
        Integer only = Integer.getInteger("voc.fuzz.request");
        ApiDocument document = ApiDocument.fetch();
        Realm realm = Realm.load();
        List<ApiDocument.Operation> operations = document.operations();
        assertTrue(!operations.isEmpty(), "the OpenAPI document lists no operations");
        System.out.printf(
                "fuzz: seed %d (-Dvoc.fuzz.seed=… to change), %d requests over %d operations%n",
                seed, count, operations.size());
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        Map<String, List<String>> failures = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int index = only == null ? 0 : only; index < (only == null ? count : only + 1); index++) {
            Random random = new Random(seed * 1_000_003L + index);
            ApiDocument.Operation op = operations.get(index % operations.size());
            Sent sent = generate(index, op, document, realm, random);
            HttpResponse<String> response;
            try {
                response = send(base, sent);
            } catch (IOException e) {
                // A server may refuse a body over its limit by closing the connection while it is still sent.
                boolean oversized = sent.body() != null && sent.body().length() > OVERSIZED;
                statuses.merge(0, 1, Integer::sum);
                if (!oversized) {
                    failures.computeIfAbsent(sent.operation() + " gave no answer: " + e, k -> new ArrayList<>())
                            .add(sent.describe(seed));
                }
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = judge(sent, response);
            if (problem != null) {
                List<String> seen = failures.computeIfAbsent(problem, k -> new ArrayList<>());
                if (seen.size() < 2) {
                    String answer = response.body();
                    seen.add(sent.describe(seed) + "\n    answer: "
                            + (answer.length() > 300 ? answer.substring(0, 300) + "…" : answer));
                }
            }
            if (only != null) {
                System.out.println(sent.describe(seed) + "\n→ " + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf(
                "fuzz: %d requests in %d s, statuses %s%n",
                count, Duration.ofNanos(System.nanoTime() - started).toSeconds(), statuses);
        if (!failures.isEmpty()) {
            String report = failures.entrySet().stream()
                    .limit(REPORTED)
                    .map(e -> "■ " + e.getKey() + "\n  " + String.join("\n  ", e.getValue()))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(failures.size() + " kinds of failure (seed " + seed + "):\n" + report);
        }
    }

    /** What is wrong with the answer, as a key that groups alike failures; null when it is acceptable. */
    private static String judge(Sent sent, HttpResponse<String> response) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("(none)");
        if (status >= 500) {
            return sent.operation() + " answered " + status;
        }
        boolean page = sent.target().startsWith("/s/");
        if (status >= 400 && !page && !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return sent.operation() + " answered " + status + " as " + type;
        }
        return null;
    }

    private HttpResponse<String> send(String base, Sent sent) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + sent.target()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        sent.method(),
                        sent.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8));
        if (sent.contentType() != null && !sent.contentType().isEmpty()) {
            request.header("Content-Type", sent.contentType());
        }
        if (sent.ifMatch() != null) {
            request.header("If-Match", sent.ifMatch());
        }
        if (sent.caller() != null) {
            request.header("Authorization", "Bearer " + token(sent.caller()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private final Map<String, Realm.Caller> callers = new TreeMap<>();

    private String token(String caller) {
        return callers.get(caller).token().get();
    }

    private Sent generate(int index, ApiDocument.Operation op, ApiDocument document, Realm realm, Random random) {
        double edge = random.nextInt(3) == 0 ? 0.3 : 0;
        SchemaValues values = new SchemaValues(document, random, edge);
        String path = op.path();
        for (ApiDocument.Parameter parameter : op.parameters("path")) {
            String value = random.nextInt(10) < 7 ? valid(parameter, values, random) : Hostile.string(random);
            path = path.replace("{" + parameter.name() + "}", encode(value, URL_PART));
        }
        List<String> query = new ArrayList<>();
        for (ApiDocument.Parameter parameter : op.parameters("query")) {
            int roll = random.nextInt(20);
            if (roll < 2) {
                continue;
            }
            String value = roll < 14 ? valid(parameter, values, random) : Hostile.string(random);
            query.add(encode(parameter.name()) + "=" + encode(value, URL_PART));
            if (roll == 19) {
                query.add(encode(parameter.name()) + "=" + encode(Hostile.string(random), URL_PART));
            }
        }
        if (random.nextInt(10) == 0) {
            query.add(encode(random.nextBoolean() ? "unknown" : Hostile.STRINGS.get(random.nextInt(8))) + "=1");
        }
        while (String.join("&", query).length() + path.length() > URL_LENGTH) {
            query.remove(query.size() - 1);
        }
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String contentType = null;
        String body = null;
        if (!op.bodies().isEmpty() || random.nextInt(10) == 0) {
            List<String> declared = new ArrayList<>(op.bodies().keySet());
            contentType = declared.isEmpty() || random.nextInt(10) == 0
                    ? WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()))
                    : declared.get(random.nextInt(declared.size()));
            JsonNode schema = op.bodies()
                    .getOrDefault(
                            contentType, declared.isEmpty() ? null : op.bodies().get(declared.get(0)));
            List<JsonNode> examples = op.bodyExamples().getOrDefault(contentType, List.of());
            JsonNode valid = !examples.isEmpty() && random.nextBoolean()
                    ? examples.get(random.nextInt(examples.size()))
                    : schema == null ? Hostile.value(random) : values.value(schema);
            body = body(valid, contentType, random);
        }
        String ifMatch = switch (random.nextInt(10)) {
            case 0, 1 -> null;
            case 2, 3 -> IF_MATCH.get(random.nextInt(IF_MATCH.size()));
            default -> "\"0\"";
        };
        String caller = caller(op, realm, random);
        return new Sent(index, op.toString(), op.method(), target, contentType, ifMatch, body, caller);
    }

    /** A value the parameter takes: one of its documented examples, or one drawn from its schema. */
    private static String valid(ApiDocument.Parameter parameter, SchemaValues values, Random random) {
        if (!parameter.examples().isEmpty() && random.nextBoolean()) {
            JsonNode example =
                    parameter.examples().get(random.nextInt(parameter.examples().size()));
            return example.isValueNode() ? example.asText() : example.toString();
        }
        return values.plain(parameter.schema());
    }

    private static String body(JsonNode valid, String contentType, Random random) {
        if (contentType.contains("form")) {
            if (!valid.isObject()) {
                return "q=" + encode(Hostile.string(random));
            }
            List<String> pairs = new ArrayList<>();
            valid.properties()
                    .forEach(e -> pairs.add(encode(e.getKey()) + "="
                            + encode(
                                    random.nextInt(4) == 0
                                            ? Hostile.string(random)
                                            : e.getValue().asText())));
            return String.join("&", pairs);
        }
        if (!contentType.contains("json")) {
            return random.nextBoolean() ? valid.toString() : Hostile.string(random);
        }
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> valid.toString();
            case 4, 5, 6, 7, 8 -> Hostile.mutate(valid, random).toString();
            default -> Hostile.garbage(valid.toString(), random);
        };
    }

    /** An admitted caller: voc-admin where the operation admits it, else a holder of its first role. */
    private String caller(ApiDocument.Operation op, Realm realm, Random random) {
        if (op.isPublic()) {
            return random.nextInt(4) == 0 ? remember(realm.callerWithoutRoles().orElse(null)) : null;
        }
        String role = op.roles().contains("voc-admin") || op.roles().isEmpty()
                ? "voc-admin"
                : op.roles().iterator().next();
        return remember(realm.callerFor(role)
                .orElseThrow(() -> new AssertionError("no demo user holds " + role + " in " + Realm.FILE)));
    }

    private String remember(Realm.Caller caller) {
        if (caller == null) {
            return null;
        }
        callers.putIfAbsent(caller.name(), caller);
        return caller.name();
    }

    /** Percent-encodes every character outside the unreserved set, so that any string makes a valid URI. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
    }

    /** The value encoded, cut (at a code point) until the encoding fits {@code max} characters. */
    static String encode(String value, int max) {
        String cut = value;
        String encoded = encode(cut);
        while (encoded.length() > max) {
            int points = (int) ((long) cut.codePointCount(0, cut.length()) * max / encoded.length()) - 1;
            cut = cut.substring(0, cut.offsetByCodePoints(0, Math.max(0, points)));
            encoded = encode(cut);
        }
        return encoded;
    }
}
