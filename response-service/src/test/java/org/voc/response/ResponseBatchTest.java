package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.response.Surveys.answers;
import static org.voc.response.Surveys.body;
import static org.voc.response.Surveys.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/** POST /api/responses/batch: a bulk import's requests, checked whole, stored by the group commit, settled per item. */
@QuarkusTest
class ResponseBatchTest {

    private static Map<String, Object> valid() {
        Surveys.Survey survey = Surveys.single();
        return body(survey.id(), survey.touchpointKey());
    }

    private static Response batch(List<Map<String, Object>> responses) {
        return given().auth()
                .oauth2(Tokens.ingestClient())
                .contentType(ContentType.JSON)
                .body(json(Map.of("responses", responses)))
                .post("/api/responses/batch");
    }

    private static void stored(Map<String, Object> body, int nps) {
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/" + body.get("id"))
                .then()
                .statusCode(200)
                .body("nps", equalTo(nps));
    }

    @Test
    void storesEveryResponseAndPublishesEach() {
        Surveys.awaitAccepted(valid()); // the replica knows the survey
        List<Map<String, Object>> responses = List.of(valid(), valid(), valid());
        answers(responses.get(1)).get(0).put("score", 10);
        try (TopicReader reader = TopicReader.fromNow(Topics.RESPONSES)) {
            batch(responses)
                    .then()
                    .statusCode(200)
                    .body("responses.status", contains(201, 201, 201))
                    .body(
                            "responses.id",
                            contains(responses.stream().map(r -> r.get("id")).toArray()))
                    .body("responses.nps", contains(3, 10, 3))
                    .body("responses[1].customerRef", equalTo(responses.get(1).get("customerRef")))
                    .body("responses[0].problem", nullValue());
            Set<Object> ids = responses.stream().map(r -> r.get("id")).collect(Collectors.toSet());
            List<TopicReader.Event> events = reader.awaitAll(e -> ids.contains(e.key()), 3, Duration.ofSeconds(30));
            assertEquals(ids, events.stream().map(TopicReader.Event::key).collect(Collectors.toSet()));
        }
        stored(responses.get(0), 3);
        stored(responses.get(1), 10);
    }

    @Test
    void aRetriedBatchStoresNothingTwice() {
        Surveys.awaitAccepted(valid());
        List<Map<String, Object>> responses = List.of(valid(), valid());
        String receivedAt = batch(responses)
                .then()
                .statusCode(200)
                .body("responses.status", contains(201, 201))
                .extract()
                .path("responses[0].receivedAt");
        batch(responses)
                .then()
                .statusCode(200)
                .body("responses.status", contains(200, 200))
                .body("responses[0].receivedAt", equalTo(receivedAt));
    }

    @Test
    void oneInvalidResponseStoresNothingAndIsNamed() {
        Surveys.awaitAccepted(valid());
        List<Map<String, Object>> responses = List.of(valid(), valid(), valid());
        answers(responses.get(1)).get(0).put("score", 11);
        responses.get(2).remove("customerRef");
        batch(responses)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("responses[1].answers[0].score", "responses[2].customerRef"));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/" + responses.get(0).get("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void malformedItemsAreNamedByTheirPlaceInTheBatch() {
        Map<String, Object> misspelt = valid();
        misspelt.put("custmerRef", "x");
        batch(List.of(valid(), misspelt))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("responses[1].custmerRef"));
        Map<String, Object> noAnswers = valid();
        noAnswers.remove("answers");
        batch(List.of(noAnswers)).then().statusCode(400).body("errors.field", contains("responses[0].answers"));
    }

    @Test
    void aReusedIdSettlesAloneAsAConflict() {
        Map<String, Object> first = valid();
        Surveys.awaitAccepted(first).statusCode();
        answers(first).get(0).put("score", 9); // the same id with another body
        Map<String, Object> fresh = valid();
        batch(List.of(first, fresh))
                .then()
                .statusCode(200)
                .body("responses.status", contains(409, 201))
                .body("responses[0].problem.type", equalTo("urn:voc:problem:conflict"))
                .body("responses[0].problem.errors.field", contains("id"))
                .body("responses[0].id", nullValue())
                .body("responses[1].id", equalTo(fresh.get("id")));
        stored(first, 3);
        stored(fresh, 3);
    }

    @Test
    void aBatchHoldsOneToAThousandResponses() {
        batch(Collections.nCopies(1001, valid())).then().statusCode(400).body("errors.field", hasItem("responses"));
        given().auth()
                .oauth2(Tokens.ingestClient())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/responses/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("responses"));
    }

    @Test
    void onlyIngestClientsAndAdministratorsSubmit() {
        String body = json(Map.of("responses", List.of(valid())));
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/responses/batch")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/responses/batch")
                .then()
                .statusCode(403);
    }
}
