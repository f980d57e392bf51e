package org.voc.response;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.response.Surveys.answer;
import static org.voc.response.Surveys.answers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.voc.events.SurveyVersionPublished.Question;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * Responses are validated against the replica fed by voc.surveys, as survey-service publishes it: new surveys
 * become usable once replicated, older versions stay valid, and a published version never changes.
 */
@QuarkusTest
class SurveyReplicaTest {

    @Test
    void aNewSurveyBecomesUsableAndOlderVersionsStayValid() {
        UUID surveyId = UUID.randomUUID();
        String v1Touchpoint = Surveys.touchpointKey();
        String v2Touchpoint = Surveys.touchpointKey();
        Surveys.publish(surveyId, 1, List.of(v1Touchpoint), Surveys.standardQuestions(), null);
        assertEquals(
                201, Surveys.awaitAccepted(Surveys.body(surveyId, v1Touchpoint)).statusCode());

        // v2 asks one more (required) question and is bound to a further touchpoint
        List<Question> v2Questions = new ArrayList<>(Surveys.standardQuestions());
        v2Questions.add(new Question("effort", "CES", true, 1, 7, Map.of("en", "How easy was it?")));
        Surveys.publish(surveyId, 2, List.of(v1Touchpoint, v2Touchpoint), v2Questions, null);
        Map<String, Object> v2 = Surveys.body(surveyId, v2Touchpoint);
        v2.put("surveyVersion", 2);
        answers(v2).add(answer("effort", "score", 6));
        assertEquals(201, Surveys.awaitAccepted(v2).statusCode());

        // a response to v1 stays valid, under v1's rules
        Map<String, Object> v1 = Surveys.body(surveyId, v1Touchpoint);
        Surveys.submit(v1).then().statusCode(201).body("surveyVersion", equalTo(1));
        Map<String, Object> v1WithV2Question = Surveys.body(surveyId, v1Touchpoint);
        answers(v1WithV2Question).add(answer("effort", "score", 6));
        Surveys.submit(v1WithV2Question).then().statusCode(400).body("errors.field", contains("answers[2].questionId"));
        Map<String, Object> v1WithV2Touchpoint = Surveys.body(surveyId, v2Touchpoint);
        Surveys.submit(v1WithV2Touchpoint).then().statusCode(400).body("errors.field", contains("touchpointKey"));

        // without a version, the latest replicated one applies (its required question included)
        Map<String, Object> latest = Surveys.body(surveyId, v1Touchpoint);
        latest.remove("surveyVersion");
        answers(latest).add(answer("effort", "score", 2));
        assertEquals(2, (int) awaitCreated(latest).path("surveyVersion"));
    }

    @Test
    void publishedVersionsNeverChangeAndUnreadableRecordsAreDeadLettered() {
        UUID surveyId = UUID.randomUUID();
        String touchpoint = Surveys.touchpointKey();
        Surveys.publish(surveyId, 1, List.of(touchpoint), Surveys.standardQuestions(), 0);
        assertEquals(
                201, Surveys.awaitAccepted(Surveys.body(surveyId, touchpoint)).statusCode());

        // On one partition, in order: v1 again with other content, a poison record, then v3.
        String other = Surveys.touchpointKey();
        Surveys.publish(surveyId, 1, List.of(other), Surveys.standardQuestions(), 0);
        Surveys.send(surveyId + ":2", "{not json", 0);
        Surveys.publish(surveyId, 3, List.of(touchpoint), Surveys.standardQuestions(), 0);
        Map<String, Object> v3 = Surveys.body(surveyId, touchpoint);
        v3.put("surveyVersion", 3);
        assertEquals(201, Surveys.awaitAccepted(v3).statusCode(), "the consumer went past the poison record");

        // everything before v3 on the partition has been consumed: v1 kept its first content
        Surveys.submit(Surveys.body(surveyId, touchpoint)).then().statusCode(201);
        Surveys.submit(Surveys.body(surveyId, other))
                .then()
                .statusCode(400)
                .body("errors.field", contains("touchpointKey"));
        Map<String, Object> v2 = Surveys.body(surveyId, touchpoint);
        v2.put("surveyVersion", 2);
        Surveys.submit(v2).then().statusCode(400).body("errors.field", contains("surveyVersion"));

        try (TopicReader dlq = new TopicReader(Topics.SURVEYS + ".dlq")) {
            List<TopicReader.Event> letters =
                    dlq.awaitAll(e -> (surveyId + ":2").equals(e.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, letters.size(), "the poison record is on the dead-letter topic");
            assertEquals("{not json", letters.get(0).value());
            assertTrue(letters.get(0).headers().get("dlq-reason").startsWith("unreadable"));
        }
    }

    /** Posts until created: "latest version" is cached briefly, so v2 may take a moment to become the default. */
    private static ExtractableResponse<Response> awaitCreated(Map<String, Object> body) {
        AtomicReference<ExtractableResponse<Response>> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    body.put("id", UUID.randomUUID().toString());
                    ExtractableResponse<Response> response =
                            Surveys.submit(body).then().extract();
                    assertEquals(201, response.statusCode(), response.asString());
                    created.set(response);
                });
        return created.get();
    }
}
