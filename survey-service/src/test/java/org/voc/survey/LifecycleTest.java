package org.voc.survey;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.survey.SurveyApiTest.as;
import static org.voc.survey.SurveyApiTest.body;
import static org.voc.survey.SurveyApiTest.create;
import static org.voc.survey.SurveyApiTest.touchpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/** DRAFT → PUBLISHED ⇄ PAUSED → ARCHIVED, and the 409s of every illegal step. */
@QuarkusTest
class LifecycleTest {

    private static void step(String id, String action, int status) {
        as("designer")
                .post("/api/surveys/" + id + "/" + action)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(status);
    }

    private static void conflict(String id, String action) {
        as("designer")
                .post("/api/surveys/" + id + "/" + action)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:conflict"));
    }

    @Test
    void aSurveyIsPausedResumedAndArchived() {
        String touchpoint = touchpoint();
        String id = create(body(touchpoint));
        conflict(id, "pause");
        conflict(id, "resume");
        step(id, "publish", 201);

        String etag = as("admin")
                .post("/api/surveys/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("latestVersion", equalTo(1))
                .extract()
                .header("ETag");
        conflict(id, "pause");
        // A correction published while paused keeps the survey paused.
        step(id, "publish", 201);
        as("analyst")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("latestVersion", equalTo(2));
        as("designer")
                .queryParam("touchpoint", touchpoint)
                .queryParam("status", "PAUSED")
                .get("/api/surveys")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(id));

        as("designer")
                .post("/api/surveys/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        conflict(id, "resume");

        String archivedEtag = as("designer")
                .post("/api/surveys/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"))
                .extract()
                .header("ETag");
        assertEquals(false, etag.equals(archivedEtag), "every transition is a new revision");
        conflict(id, "archive");
        conflict(id, "pause");
        conflict(id, "resume");
        conflict(id, "publish");
        as("designer")
                .header("If-Match", archivedEtag)
                .body(body(touchpoint()))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // Published versions stay readable: responses refer to them.
        as("analyst")
                .get("/api/surveys/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        as("analyst").get("/api/surveys/" + id).then().statusCode(200).body("status", equalTo("ARCHIVED"));
    }

    @Test
    void eachStatusChangeIsAnEventKeyedBySurveyAndStatus() throws Exception {
        String id = create(body(touchpoint()));
        step(id, "publish", 201);
        step(id, "pause", 200);
        step(id, "archive", 200);
        try (TopicReader reader = new TopicReader(Topics.SURVEYS)) {
            List<TopicReader.Event> events = reader.awaitMatching(
                    e -> (id + ":status").equals(e.key()) && e.value().contains("ARCHIVED"), Duration.ofSeconds(20));
            assertEquals(1, events.size());
            TopicReader.Event event = events.get(0);
            assertEquals("voc.survey.status-changed.v1", event.headers().get("ce_type"));
            JsonNode payload = new ObjectMapper().readTree(event.value());
            assertEquals(id, payload.get("surveyId").asText());
            assertEquals("ARCHIVED", payload.get("status").asText());
            assertEquals(1, payload.get("latestVersion").asInt());
        }
    }

    @Test
    void aDraftMayBeArchived() {
        String id = create(body(touchpoint()));
        step(id, "archive", 200);
        as("analyst")
                .get("/api/surveys/" + id)
                .then()
                .body("status", equalTo("ARCHIVED"))
                .body("latestVersion", equalTo(null));
    }

    @Test
    void unknownSurveysAreNotFound() {
        for (String action : new String[] {"pause", "resume", "archive"}) {
            as("designer")
                    .post("/api/surveys/" + UUID.randomUUID() + "/" + action)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            as("designer")
                    .post("/api/surveys/not-a-uuid/" + action)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}
