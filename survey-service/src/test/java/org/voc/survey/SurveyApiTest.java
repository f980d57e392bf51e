package org.voc.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.testsupport.Tokens;

@QuarkusTest
class SurveyApiTest {

    static final String NPS = """
            {"id": "nps", "type": "NPS", "required": true,
             "text": {"en": "How likely are you to recommend us to a friend or colleague?"}}""";
    static final String REASON = """
            {"id": "reason", "type": "TEXT", "required": false,
             "text": {"en": "What is the main reason for your score?"}}""";

    static String touchpoint() {
        return "tp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String name, String touchpointKeys, String... questions) {
        return """
                {"name": "%s", "defaultLocale": "en", "touchpointKeys": %s,
                 "questions": [%s]}""".formatted(name, touchpointKeys, String.join(",", questions));
    }

    static String body(String touchpointKey) {
        return body("Card delivery NPS", "[\"" + touchpointKey + "\"]", NPS, REASON);
    }

    /** The {@code sub} claim of a token: who the service records as publisher. */
    static String subject(String token) {
        try {
            byte[] claims = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return new ObjectMapper().readTree(claims).get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    static String create(String body) {
        return as("designer")
                .body(body)
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void createsAndReadsADraft() {
        String touchpoint = touchpoint();
        String id = as("designer")
                .body(body(touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Card delivery NPS"))
                .body("defaultLocale", equalTo("en"))
                .body("touchpointKeys", contains(touchpoint))
                .body("questions.id", contains("nps", "reason"))
                .body("questions.type", contains("NPS", "TEXT"))
                .body("questions.required", contains(true, false))
                .body("questions[1].text.en", equalTo("What is the main reason for your score?"))
                .body("status", equalTo("DRAFT"))
                .body("$", hasKey("latestVersion"))
                .body("latestVersion", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract()
                .path("id");

        as("analyst")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("status", equalTo("DRAFT"))
                .body("questions[0].text.en", equalTo("How likely are you to recommend us to a friend or colleague?"));
    }

    @Test
    void anAdminMayCreateAndLocationNamesTheSurvey() {
        var created = as("admin")
                .body(body(touchpoint()))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/surveys/" + id), created.header("Location"));
    }

    static Stream<Arguments> invalidBodies() {
        String tp = "[\"card-delivery\"]";
        return Stream.of(
                Arguments.of(
                        "unknown question type",
                        body("S", tp, NPS, REASON.replace("TEXT", "STARS")),
                        "questions[1].type"),
                Arguments.of(
                        "missing question type",
                        body("S", tp, NPS, REASON.replace("\"type\": \"TEXT\",", "")),
                        "questions[1].type"),
                Arguments.of(
                        "no wording in the default locale",
                        body("S", tp, NPS.replace("\"en\"", "\"fr\"")),
                        "questions[0].text"),
                Arguments.of("empty wording map", body("S", tp, """
                        {"id": "nps", "type": "NPS", "required": true, "text": {}}"""), "questions[0].text"),
                Arguments.of(
                        "blank wording",
                        body("S", tp, NPS.replace("How likely are you to recommend us to a friend or colleague?", " ")),
                        "questions[0].text[en]"),
                Arguments.of("locales differ between questions", body("S", tp, NPS, """
                        {"id": "reason", "type": "TEXT", "text": {"en": "Why?",
                         "fr": "Pourquoi ?"}}"""), "questions[1].text"),
                Arguments.of(
                        "duplicate question id",
                        body("S", tp, NPS, REASON, REASON.replace("TEXT", "CSAT")),
                        "questions[2].id"),
                Arguments.of(
                        "two NPS questions",
                        body("S", tp, NPS, NPS.replace("\"nps\"", "\"nps2\"")),
                        "questions[1].type"),
                Arguments.of(
                        "question id is not a slug",
                        body("S", tp, NPS.replace("\"nps\"", "\"Net Promoter\"")),
                        "questions[0].id"),
                Arguments.of("touchpointKeys is not a list", body("S", "\"card-delivery\"", NPS), "touchpointKeys"),
                Arguments.of(
                        "touchpoint key is not a slug", body("S", "[\"Card Delivery\"]", NPS), "touchpointKeys[0]"),
                Arguments.of("blank name", body(" ", tp, NPS), "name"),
                Arguments.of(
                        "bad default locale",
                        body("S", tp, NPS).replace("\"defaultLocale\": \"en\"", "\"defaultLocale\": \"English\""),
                        "defaultLocale"),
                Arguments.of("null question", body("S", tp, NPS, "null"), "questions[1]"),
                Arguments.of(
                        "misspelt field",
                        body("S", tp, NPS).replace("\"touchpointKeys\"", "\"touchpoints\""),
                        "touchpoints"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidDefinitionsAreRejectedNamingTheField(String rule, String body, String field) {
        as("designer")
                .body(body)
                .post("/api/surveys")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("errors.field", contains(field));
    }

    @Test
    void theSameRulesApplyWhenTheDraftIsReplaced() {
        String id = create(body(touchpoint()));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(body("S", "[\"card-delivery\"]", NPS, NPS.replace("\"nps\"", "\"again\"")))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("questions[1].type"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body("{\"name\": ")
                .put("/api/surveys/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aQuestionMayBeWordedInSeveralLocales() {
        String fr = body(
                "Livraison de carte",
                "[\"" + touchpoint() + "\"]",
                NPS.replace("}}", ", \"fr\": \"Quelle est la probabilité que vous nous recommandiez ?\"}}"),
                REASON.replace("}}", ", \"fr\": \"Pour quelle raison principale ?\"}}"));
        String id = create(fr);
        as("designer")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("questions[1].text.fr", equalTo("Pour quelle raison principale ?"));
    }

    @Test
    void publishingNeedsAQuestionAndATouchpoint() {
        String noQuestions = create(body("Empty", "[\"" + touchpoint() + "\"]"));
        as("designer")
                .post("/api/surveys/" + noQuestions + "/publish")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("questions"));
        String noTouchpoints = create(body("Unbound", "[]", NPS));
        as("designer")
                .post("/api/surveys/" + noTouchpoints + "/publish")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("touchpointKeys"));
        as("designer")
                .get("/api/surveys/" + noTouchpoints)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("latestVersion", nullValue());
    }

    @Test
    void publishingFreezesVersionsWhileTheDraftMovesOn() {
        String touchpoint = touchpoint();
        String id = create(body(touchpoint));
        String subject = subject(Tokens.user("designer"));

        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/surveys/" + id + "/versions/1"))
                .body("surveyId", equalTo(id))
                .body("version", equalTo(1))
                .body("name", equalTo("Card delivery NPS"))
                .body("defaultLocale", equalTo("en"))
                .body("touchpointKeys", contains(touchpoint))
                .body("questions.id", contains("nps", "reason"))
                .body("publishedAt", notNullValue())
                .body("publishedBy", equalTo(subject));
        String etag = as("designer")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("latestVersion", equalTo(1))
                .extract()
                .header("ETag");

        as("designer")
                .header("If-Match", etag)
                .body(body("Card delivery NPS (short)", "[\"" + touchpoint + "\"]", NPS))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("latestVersion", equalTo(1))
                .body("questions.id", contains("nps"));
        as("analyst")
                .get("/api/surveys/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("name", equalTo("Card delivery NPS"))
                .body("questions.id", contains("nps", "reason"));

        as("admin")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/surveys/" + id + "/versions/2"))
                .body("version", equalTo(2))
                .body("name", equalTo("Card delivery NPS (short)"))
                .body("publishedBy", equalTo(subject(Tokens.user("admin"))));

        as("analyst")
                .get("/api/surveys/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("name", equalTo("Card delivery NPS"))
                .body("questions.id", contains("nps", "reason"))
                .body("publishedBy", equalTo(subject));
        as("analyst")
                .get("/api/surveys/" + id + "/versions/2")
                .then()
                .statusCode(200)
                .body("questions.id", contains("nps"));
        as("analyst").get("/api/surveys/" + id).then().statusCode(200).body("latestVersion", equalTo(2));
        as("analyst")
                .get("/api/surveys/" + id + "/versions/3")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void replacingTheDraftNeedsTheCurrentRevision() {
        String touchpoint = touchpoint();
        String id = create(body(touchpoint));
        String renamed = body("Renamed", "[\"" + touchpoint + "\"]", NPS);

        as("designer")
                .body(renamed)
                .put("/api/surveys/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(renamed)
                .put("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Renamed"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(renamed)
                .put("/api/surveys/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:stale-revision"));
        as("designer")
                .header("If-Match", "yesterday")
                .body(renamed)
                .put("/api/surveys/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        as("analyst")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Renamed"));
    }

    @Test
    void concurrentReplacementsWithOneRevisionLetExactlyOneWin() throws Exception {
        String touchpoint = touchpoint();
        String id = create(body(touchpoint));
        String designer = Tokens.user("designer");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String renamed = body("Renamed " + i, "[\"" + touchpoint + "\"]", NPS);
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth()
                        .oauth2(designer)
                        .contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(renamed)
                        .put("/api/surveys/" + id);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response r = answer.get(30, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            if (r.statusCode() != 200) {
                // Losers hear 412 (stale revision) or 409 (lost the race at the write), never 500.
                assertTrue(
                        r.statusCode() == 412 || r.statusCode() == 409,
                        "status " + r.statusCode() + ": " + r.asString());
                assertEquals("application/problem+json", r.contentType());
            }
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one replacement wins: " + statuses);
        as("analyst").get("/api/surveys/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        String existing = create(body(touchpoint()));
        for (String path : List.of(
                "/api/surveys/" + unknown,
                "/api/surveys/not-a-uuid",
                "/api/surveys/" + unknown + "/versions/1",
                "/api/surveys/" + existing + "/versions/1",
                "/api/surveys/" + existing + "/versions/first",
                "/api/surveys/not-a-uuid/versions/1")) {
            as("analyst")
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        as("designer")
                .post("/api/surveys/" + unknown + "/publish")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("designer")
                .post("/api/surveys/not-a-uuid/publish")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("designer")
                .header("If-Match", "\"0\"")
                .body(body(touchpoint()))
                .put("/api/surveys/" + unknown)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listsByTouchpointAndStatusWithACursor() {
        String touchpoint = touchpoint();
        List<String> ids = List.of(create(body(touchpoint)), create(body(touchpoint)), create(body(touchpoint)));
        create(body(touchpoint())); // bound to another touchpoint
        as("designer").post("/api/surveys/" + ids.get(1) + "/publish").then().statusCode(201);

        String next = as("analyst")
                .queryParam("touchpoint", touchpoint)
                .queryParam("limit", 2)
                .get("/api/surveys")
                .then()
                .statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1)))
                .extract()
                .path("nextCursor");
        as("analyst")
                .queryParam("touchpoint", touchpoint)
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get("/api/surveys")
                .then()
                .statusCode(200)
                .body("items.id", contains(ids.get(2)))
                .body("nextCursor", nullValue());

        as("designer")
                .queryParam("touchpoint", touchpoint)
                .queryParam("status", "PUBLISHED")
                .get("/api/surveys")
                .then()
                .statusCode(200)
                .body("items.id", contains(ids.get(1)))
                .body("items[0].latestVersion", equalTo(1));
        as("designer")
                .queryParam("touchpoint", touchpoint)
                .queryParam("status", "DRAFT")
                .get("/api/surveys")
                .then()
                .statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(2)));
        as("admin")
                .queryParam("limit", 500)
                .get("/api/surveys")
                .then()
                .statusCode(200)
                .body("items.status", hasItem("DRAFT"));
    }

    @Test
    void invalidListParametersAreNamed() {
        as("analyst")
                .queryParam("status", "RETIRED")
                .get("/api/surveys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        for (String limit : List.of("0", "501", "many")) {
            as("analyst")
                    .queryParam("limit", limit)
                    .get("/api/surveys")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        for (String after : List.of("not-a-cursor", "bm9wZXxub3BlCg")) {
            as("analyst")
                    .queryParam("after", after)
                    .get("/api/surveys")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"));
        }
    }
}
