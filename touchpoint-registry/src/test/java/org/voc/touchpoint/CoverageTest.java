package org.voc.touchpoint;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.touchpoint.Api.as;
import static org.voc.touchpoint.Api.touchpoint;
import static org.voc.touchpoint.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TestInfra;

/**
 * The coverage audit over a small hand-built journey, checked against expectations computed by hand:
 * <pre>
 *  key      channel     stage       signal    segments        owner           status   survey (latest version)
 *  web      WEB         ONBOARDING  DIRECT    RETAIL, SME     own (team)      ACTIVE   yes
 *  branch   BRANCH      ONBOARDING  INDIRECT  RETAIL, STUDENT ghost (no team) ACTIVE   no
 *  app      MOBILE_APP  USAGE       INFERRED  —               own             ACTIVE   only in version 1
 *  app2     MOBILE_APP  USAGE       DIRECT    PRIVATE         own             PLANNED  yes
 *  chat     CHAT        SERVICE     DIRECT    RETAIL          own             RETIRED  yes (retired: out of scope)
 * </pre>
 * In scope: 4 touchpoints, 2 with a feedback source (web, app2). Stages with a DIRECT touchpoint: ONBOARDING and
 * USAGE (SERVICE's only one is retired). Segments: RETAIL, SME, PRIVATE have one; STUDENT has none.
 */
@QuarkusTest
class CoverageTest {

    @Test
    void auditsAJourneyAndATagAgainstHandComputedFigures() throws Exception {
        String s = unique("cov");
        String own = "own-" + s;
        as("designer")
                .body(Api.team(own, "Europe/Paris"))
                .post("/api/teams")
                .then()
                .statusCode(201);
        register(touchpoint(s + "-web", "WEB", "ONBOARDING", "DIRECT", "RETAIL,SME", own, s));
        register(touchpoint(s + "-branch", "BRANCH", "ONBOARDING", "INDIRECT", "RETAIL,STUDENT", "ghost-" + s, s));
        register(touchpoint(s + "-app", "MOBILE_APP", "USAGE", "INFERRED", "", own, s));
        register(touchpoint(s + "-app2", "MOBILE_APP", "USAGE", "DIRECT", "PRIVATE", own, s)
                .replace("\"tags\"", "\"status\": \"PLANNED\", \"tags\""));
        register(touchpoint(s + "-chat", "CHAT", "SERVICE", "DIRECT", "RETAIL", own, s)
                .replace("\"tags\"", "\"status\": \"RETIRED\", \"tags\""));
        String journey = "j-" + s;
        as("designer")
                .body("""
                {"key": "%1$s", "name": "Coverage journey", "stages": [
                 {"name": "Discover", "touchpointKeys": ["%2$s-web", "%2$s-branch"]},
                 {"name": "Use", "touchpointKeys": ["%2$s-app", "%2$s-app2", "%2$s-chat"]}]}""".formatted(journey, s))
                .post("/api/journeys")
                .then()
                .statusCode(201);

        // No survey asks about them yet.
        as("analyst")
                .get("/api/journeys/" + journey + "/coverage")
                .then()
                .statusCode(200)
                .body("touchpoints", equalTo(4))
                .body("withFeedbackSource", equalTo(0));

        UUID survey = UUID.randomUUID();
        publish(survey, 1, s + "-web", s + "-app");
        publish(survey, 2, s + "-web", s + "-app2");
        publish(UUID.randomUUID(), 1, s + "-chat");
        awaitCovered(journey, 2);

        as("analyst")
                .get("/api/journeys/" + journey + "/coverage")
                .then()
                .statusCode(200)
                .body("scope", equalTo("journey:" + journey))
                .body("touchpoints", equalTo(4))
                .body("withFeedbackSource", equalTo(2))
                .body("feedbackSourceShare", equalTo(0.5f))
                .body("cells.stage", contains("ONBOARDING", "ONBOARDING", "ONBOARDING", "ONBOARDING", "USAGE", "USAGE"))
                .body("cells.channel", contains("WEB", "WEB", "BRANCH", "BRANCH", "MOBILE_APP", "MOBILE_APP"))
                .body("cells.segment", contains("RETAIL", "SME", "RETAIL", "STUDENT", "(none)", "PRIVATE"))
                .body("cells.touchpoints", contains(1, 1, 1, 1, 1, 1))
                .body("cells.withFeedbackSource", contains(1, 1, 0, 0, 0, 1))
                .body(
                        "stagesWithoutDirectSignal",
                        contains("AWARENESS", "CONSIDERATION", "PURCHASE", "SERVICE", "RENEWAL", "LOYALTY", "CHURN"))
                .body("segmentsWithoutDirectSignal", contains("STUDENT"))
                .body("withoutOwner.key", contains(s + "-branch"))
                .body("withoutOwner[0].ownerTeam", equalTo("ghost-" + s))
                .body("withoutOwner[0].reason", equalTo("owner team not registered"));

        String expected = """
                section,stage,channel,segment,touchpoint,owner_team,touchpoints,with_feedback_source
                summary,,,,,,4,2
                cell,ONBOARDING,WEB,RETAIL,,,1,1
                cell,ONBOARDING,WEB,SME,,,1,1
                cell,ONBOARDING,BRANCH,RETAIL,,,1,0
                cell,ONBOARDING,BRANCH,STUDENT,,,1,0
                cell,USAGE,MOBILE_APP,(none),,,1,0
                cell,USAGE,MOBILE_APP,PRIVATE,,,1,1
                stage-without-direct-signal,AWARENESS,,,,,,
                stage-without-direct-signal,CONSIDERATION,,,,,,
                stage-without-direct-signal,PURCHASE,,,,,,
                stage-without-direct-signal,SERVICE,,,,,,
                stage-without-direct-signal,RENEWAL,,,,,,
                stage-without-direct-signal,LOYALTY,,,,,,
                stage-without-direct-signal,CHURN,,,,,,
                segment-without-direct-signal,,,STUDENT,,,,
                without-owner,,,,%1$s-branch,ghost-%1$s,,
                """.formatted(s);
        String csv = as("analyst")
                .queryParam("format", "csv")
                .get("/api/journeys/" + journey + "/coverage")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertEquals(expected, csv);
        String negotiated = as("analyst")
                .accept("text/csv")
                .get("/api/coverage?tag=" + s)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertEquals(expected, negotiated, "the tag scope holds the same touchpoints as the journey");

        as("analyst")
                .queryParam("tag", s)
                .get("/api/coverage")
                .then()
                .statusCode(200)
                .body("scope", equalTo("tag:" + s))
                .body("touchpoints", equalTo(4))
                .body("withFeedbackSource", equalTo(2));
        // Registering the missing team clears the owner gap.
        as("designer")
                .body(Api.team("ghost-" + s, "UTC"))
                .post("/api/teams")
                .then()
                .statusCode(201);
        as("analyst")
                .queryParam("tag", s)
                .get("/api/coverage")
                .then()
                .statusCode(200)
                .body("withoutOwner", empty());
        as("analyst")
                .queryParam("format", "pdf")
                .get("/api/coverage")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
    }

    private static void register(String body) {
        as("designer").body(body).post("/api/touchpoints").then().statusCode(201);
    }

    private static void awaitCovered(String journey, int covered) {
        await("the survey versions reach the coverage audit of " + journey)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> as("analyst")
                                .get("/api/journeys/" + journey + "/coverage")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("withFeedbackSource"),
                        now -> now == covered);
    }

    /** A survey version as survey-service publishes it: CloudEvents headers, key surveyId:version. */
    static void publish(UUID survey, int version, String... touchpointKeys) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String keys = String.join(
                ", ", List.of(touchpointKeys).stream().map(k -> "\"" + k + "\"").toList());
        String value = """
                {"surveyId": "%s", "version": %d, "name": "Coverage test survey", "touchpointKeys": [%s],
                 "defaultLocale": "en", "publishedAt": "2026-11-25T09:05:00Z",
                 "questions": [{"id": "nps", "type": "NPS", "required": true, "min": 0, "max": 10,
                                "text": {"en": "How likely are you to recommend us?"}}]
                }""".formatted(survey, version, keys);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SURVEYS, survey + ":" + version, value);
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "voc.survey.version-published.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "/coverage-test".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
