package org.voc.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every service answers every failure the same way, because they all answer through this one mapper. */
@QuarkusTest
class ProblemMapperTest {

    @ParameterizedTest
    @CsvSource({
        "invalid, 400, validation", "not-found, 404, not-found", "conflict, 409, conflict",
        "gone, 410, invitation-expired", "too-large, 413, too-many-rows", "rate-limited, 429, rate-limited",
        "unavailable, 503, unavailable", "optimistic, 409, concurrent-change", "wrapped, 404, not-found",
        "bug, 500, internal", "db-down, 503, unavailable"
    })
    void eachKindOfFailureHasItsStatusAndStableType(String kind, int status, String slug) {
        given().get("/kit/fail/" + kind)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:" + slug))
                .body("status", equalTo(status))
                .body("instance", equalTo("/kit/fail/" + kind));
    }

    /** Found by the fuzz suite: Quarkus's own body limit answered an empty 413 that no mapper ever saw. */
    @Test
    void aBodyOverTheServerLimitIsAProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/kit/times"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(10_485_761)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"urn:voc:problem:payload-too-large\""), response.body());
        assertTrue(response.body().contains("at most 10485760 are taken"), response.body());
    }

    @Test
    void everyFieldAtFaultIsNamed() {
        given().get("/kit/fail/invalid")
                .then()
                .statusCode(400)
                .body("errors.field", contains("a", "b[0].c"))
                .body("detail", equalTo("a is wrong; b[0].c too big"));
        given().contentType("application/json")
                .body("{\"name\": \" \", \"score\": 11}")
                .post("/kit/body")
                .then()
                .statusCode(400)
                .body("errors.field", contains("name", "score"));
    }

    @Test
    void valuesPostgresCannotStoreAreRefusedAtTheDoorNamingTheField() {
        given().urlEncodingEnabled(false)
                .get("/kit/items/card%00delivery")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("path"));
        given().urlEncodingEnabled(false)
                .get("/kit/items?customerRef=cust%0042")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("customerRef"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        given().contentType("application/json")
                .body("{\"note\": \"a\\u0000b\"}")
                .post("/kit/times")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        given().contentType("application/json")
                .body("{\"at\": \"-999999-01-01T00:00:00Z\"}")
                .post("/kit/times")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("at"))
                .body("errors[0].message", equalTo("must lie in the years 0001 to 9999"));
        given().contentType("application/json")
                .body("{\"day\": \"+999999999-12-31\"}")
                .post("/kit/times")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("day"));
        given().contentType("application/json")
                .body("{\"note\": \"fine\", \"at\": \"2026-11-30T10:00:00Z\"}")
                .post("/kit/times")
                .then()
                .statusCode(200);
        String beyond = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("+999999999-12-31T00:00:00Z|" + java.util.UUID.randomUUID()).getBytes());
        given().queryParam("after", beyond)
                .get("/kit/items")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void everyOperationTakingIfMatchDocumentsItsPreconditionAnswers() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/kit/if-match'.post.responses.'412'.description",
                        equalTo("If-Match names an older revision"))
                .body("paths.'/kit/if-match'.post.responses.'428'.description", equalTo("If-Match is missing"))
                .body("paths.'/kit/body'.post.responses.'412'", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anUnreachableDatabaseIsATemporaryRefusal() {
        given().get("/kit/fail/db-down").then().statusCode(503).header("Retry-After", "2");
    }

    @Test
    void temporaryRefusalsSayWhenToComeBack() {
        given().get("/kit/fail/unavailable").then().statusCode(503).header("Retry-After", "2");
        given().get("/kit/fail/rate-limited").then().statusCode(429).header("Retry-After", "7");
        given().get("/kit/fail/conflict").then().statusCode(409).header("Retry-After", nullValue());
    }

    @Test
    void unreadableJsonNamesTheField() {
        given().contentType("application/json")
                .body("{\"name\": \"a\", \"score\": 1, \"extra\": 1}")
                .post("/kit/body")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("extra"))
                .body("errors[0].message", equalTo("is not a known field"));
        given().contentType("application/json")
                .body("{\"name\": \"a\", \"score\": \"high\"}")
                .post("/kit/body")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("score"));
        given().contentType("application/json")
                .body("{\"name\": ")
                .post("/kit/body")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void preconditionsAreAnsweredAsProblems() {
        given().post("/kit/if-match")
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:voc:problem:precondition-required"))
                .body("errors[0].field", equalTo("If-Match"));
        given().header("If-Match", "\"2\"")
                .post("/kit/if-match")
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:voc:problem:stale-revision"));
        given().header("If-Match", "soon")
                .post("/kit/if-match")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        given().header("If-Match", "W/\"3\"").post("/kit/if-match").then().statusCode(200);
    }

    @Test
    void aKeyTakenConcurrentlyIsAConflict() {
        given().post("/kit/duplicate").then().statusCode(409).body("type", equalTo("urn:voc:problem:conflict"));
    }

    @Test
    void frameworkRefusalsAreProblemsToo() {
        given().contentType("text/plain")
                .body("hello")
                .post("/kit/body")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:unsupported-media-type"));
        given().get("/kit/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void secretsInThePathNeverReachTheProblem() {
        String problem = given().get("/kit/secret/eyJhbGciOiJFUzI1NiJ9.secret")
                .then()
                .statusCode(404)
                .body("instance", equalTo("/kit/secret/{token}"))
                .extract()
                .asString();
        assertFalse(problem.contains("eyJhbGci"), problem);
    }
}
