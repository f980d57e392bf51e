package org.voc.response;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A paused survey still takes answers to invitations already sent; an archived one takes none. */
@QuarkusTest
class SurveyStatusTest {

    /** Posts fresh copies of the body until the answer is {@code status} (the replica is eventually consistent). */
    private static ExtractableResponse<Response> awaitStatus(Surveys.Survey survey, int status) {
        return await("a response to survey " + survey.id() + " is answered " + status)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> Surveys.submit(Surveys.body(survey.id(), survey.touchpointKey()))
                                .then()
                                .extract(),
                        response -> response.statusCode() == status);
    }

    /**
     * Publishes a new survey on the partition the status records went to, and waits until it is accepted: the
     * consumer reads a partition in order, so by then it has stored those statuses too.
     */
    private static void awaitConsumedUpTo(int partition) {
        Surveys.Survey marker = new Surveys.Survey(java.util.UUID.randomUUID(), List.of(Surveys.touchpointKey()));
        Surveys.publish(marker.id(), 1, marker.touchpointKeys(), Surveys.standardQuestions(), partition);
        assertEquals(
                201,
                Surveys.awaitAccepted(Surveys.body(marker.id(), marker.touchpointKey()))
                        .statusCode());
    }

    @Test
    void anArchivedSurveyTakesNoMoreResponses() {
        Surveys.Survey survey = Surveys.publishAndAwait(List.of(Surveys.touchpointKey()));
        Instant now = Instant.now();

        Surveys.status(survey.id(), "PAUSED", now.minusSeconds(10), 0);
        Surveys.status(survey.id(), "ARCHIVED", now, 0);
        ExtractableResponse<Response> refused = awaitStatus(survey, 400);
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("surveyId"), refused.path("errors.field"));
        assertTrue(((String) refused.path("detail")).contains("archived"), (String) refused.path("detail"));

        // Older statuses arriving late do not bring the survey back.
        Surveys.status(survey.id(), "PUBLISHED", now.minusSeconds(5), 0);
        Surveys.status(survey.id(), "PAUSED", now.minusSeconds(1), 0);
        awaitConsumedUpTo(0);
        Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
        Surveys.submit(body)
                .then()
                .statusCode(400)
                .body("errors.field", contains("surveyId"))
                .body("detail", containsString("archived"));
    }

    @Test
    void aPausedSurveyStillTakesResponses() {
        Surveys.Survey survey = Surveys.publishAndAwait(List.of(Surveys.touchpointKey()));
        Surveys.status(survey.id(), "PAUSED", Instant.now(), 0);
        awaitConsumedUpTo(0);
        Surveys.submit(Surveys.body(survey.id(), survey.touchpointKey())).then().statusCode(201);
    }
}
