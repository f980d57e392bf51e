package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.metrics.alerts.domain.AlertEvaluator;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/**
 * Alert rules against roll-ups fed through the real voc.responses, evaluated at fixed instants (the schedule is off
 * in tests): a significant drop fires once, on voc.alerts too, and stays one alert; stable, improving or thin data
 * does not fire; a changed rule resolves its alert; bad rules are refused with the field at fault.
 */
@QuarkusTest
class AlertsTest {

    /** Windows of 7 days against the 28 before, ending at 2025-06-01T12:00Z. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:30:00Z");

    private static final Instant IN_WINDOW = Instant.parse("2025-05-30T09:00:00Z");
    private static final Instant IN_BASELINE = Instant.parse("2025-05-10T09:00:00Z");

    private static ResponseTopic topic;

    @Inject
    AlertEvaluator evaluator;

    @BeforeAll
    static void open() {
        topic = new ResponseTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void aSignificantDropFiresOnceAndStaysOneAlert() {
        String tp = ResponseTopic.touchpoint("drop");
        // Baseline: 40 responses, 30 promoters and 10 passives (NPS 75); window: 40, 10 promoters and 30
        // detractors (NPS −50). z ≈ 9, p far below 0.001.
        sendNps(tp, IN_BASELINE, 30, 10);
        sendNps(tp, IN_BASELINE, 10, 8);
        sendNps(tp, IN_WINDOW, 10, 10);
        sendNps(tp, IN_WINDOW, 30, 3);
        topic.awaitConsumed();
        String rule = createRule(tp, "nps", 0.05, null, 30);

        evaluator.evaluateAll(NOW);

        JsonPath alerts = alerts(rule);
        assertEquals(1, alerts.getList("items").size(), alerts.prettify());
        assertEquals("OPEN", alerts.getString("items[0].state"));
        assertEquals(40, alerts.getLong("items[0].currentN"));
        assertEquals(-50.0, alerts.getDouble("items[0].current"), 1e-9);
        assertEquals(75.0, alerts.getDouble("items[0].baseline"), 1e-9);
        assertEquals(-125.0, alerts.getDouble("items[0].difference"), 1e-9);
        assertTrue(alerts.getDouble("items[0].pValue") < 0.001, alerts.prettify());
        assertEquals("2025-06-01T12:00:00Z", alerts.getString("items[0].windowTo"));
        assertEquals("2025-05-25T12:00:00Z", alerts.getString("items[0].windowFrom"));
        assertEquals("2025-04-27T12:00:00Z", alerts.getString("items[0].baselineFrom"));

        // The same window again, then the next hour's: the drop holds, nothing new fires.
        evaluator.evaluateAll(NOW.plusSeconds(60));
        evaluator.evaluateAll(NOW.plus(Duration.ofHours(1)));
        alerts = alerts(rule);
        assertEquals(1, alerts.getList("items").size(), alerts.prettify());
        assertEquals("OPEN", alerts.getString("items[0].state"));
        assertEquals("2025-06-01T13:00:00Z", alerts.getString("items[0].lastSeenTo"));
        try (TopicReader reader = new TopicReader(Topics.ALERTS)) {
            List<TopicReader.Event> fired = reader.awaitAll(
                    e -> rule.equals(e.key())
                            && "voc.alert.fired.v1".equals(e.headers().get("ce_type")),
                    1,
                    Duration.ofSeconds(30));
            assertEquals(1, fired.size(), "one event for one alert");
            JsonPath event = new JsonPath(fired.get(0).value());
            assertEquals(alerts.getString("items[0].id"), event.getString("alertId"));
            assertEquals(-125.0, event.getDouble("difference"), 1e-9);
        }
    }

    @Test
    void stableImprovingOrThinDataDoesNotFire() {
        String stable = ResponseTopic.touchpoint("stable");
        sendNps(stable, IN_BASELINE, 20, 10);
        sendNps(stable, IN_BASELINE, 20, 3);
        sendNps(stable, IN_WINDOW, 19, 10);
        sendNps(stable, IN_WINDOW, 21, 3);
        String better = ResponseTopic.touchpoint("better");
        sendNps(better, IN_BASELINE, 30, 2);
        sendNps(better, IN_WINDOW, 30, 10);
        String thin = ResponseTopic.touchpoint("thin");
        sendNps(thin, IN_BASELINE, 10, 10);
        sendNps(thin, IN_WINDOW, 10, 0);
        topic.awaitConsumed();
        String stableRule = createRule(stable, "nps", 0.05, null, 30);
        String betterRule = createRule(better, "nps", 0.05, null, 30);
        String thinRule = createRule(thin, "nps", 0.05, null, 30); // 10 responses a side: below minSample

        evaluator.evaluateAll(NOW);

        for (String rule : List.of(stableRule, betterRule, thinRule)) {
            // Judged (a rule that failed to evaluate would not fire either), and judged quiet.
            given().auth()
                    .oauth2(Tokens.user("analyst"))
                    .get("/api/alert-rules/" + rule)
                    .then()
                    .statusCode(200)
                    .body("lastWindowTo", equalTo("2025-06-01T12:00:00Z"));
            assertEquals(0, alerts(rule).getList("items").size(), "no alert for " + rule);
        }
    }

    @Test
    void higherEffortIsADropOfCesAndMinChangeBoundsIt() {
        String tp = ResponseTopic.touchpoint("effort");
        sendAnswers(tp, IN_BASELINE, 40, "CES", 2);
        sendAnswers(tp, IN_BASELINE, 10, "CES", 3);
        sendAnswers(tp, IN_WINDOW, 40, "CES", 6);
        sendAnswers(tp, IN_WINDOW, 10, "CES", 5);
        topic.awaitConsumed();
        String fires = createRule(tp, "ces", 0.01, 1.0, 30);
        String tooSmall = createRule(tp, "ces", null, 5.0, 30); // the mean rose by 3.6, not 5

        evaluator.evaluateAll(NOW);

        JsonPath alerts = alerts(fires);
        assertEquals(1, alerts.getList("items").size(), alerts.prettify());
        assertEquals(2.2, alerts.getDouble("items[0].baseline"), 1e-9);
        assertEquals(5.8, alerts.getDouble("items[0].current"), 1e-9);
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/alert-rules/" + tooSmall)
                .then()
                .body("lastWindowTo", equalTo("2025-06-01T12:00:00Z"));
        assertEquals(0, alerts(tooSmall).getList("items").size());
    }

    @Test
    void changingTheRuleResolvesItsAlert() {
        String tp = ResponseTopic.touchpoint("resolve");
        sendNps(tp, IN_BASELINE, 30, 10);
        sendNps(tp, IN_BASELINE, 10, 8);
        sendNps(tp, IN_WINDOW, 30, 0);
        sendNps(tp, IN_WINDOW, 10, 8);
        topic.awaitConsumed();
        String rule = createRule(tp, "nps", 0.05, null, 30);
        evaluator.evaluateAll(NOW);
        assertEquals("OPEN", alerts(rule).getString("items[0].state"));

        Response read = given().auth().oauth2(Tokens.user("analyst")).get("/api/alert-rules/" + rule);
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .contentType(ContentType.JSON)
                .header("If-Match", read.header("ETag"))
                .body(ruleBody(tp, "nps", 0.05, null, 30).replace("P7D", "P14D"))
                .put("/api/alert-rules/" + rule)
                .then()
                .statusCode(200)
                .body("window", equalTo("PT336H"))
                .body("revision", equalTo(1));

        JsonPath alerts = alerts(rule);
        assertEquals("RESOLVED", alerts.getString("items[0].state"));
        assertEquals("rule changed", alerts.getString("items[0].resolution"));
        try (TopicReader reader = new TopicReader(Topics.ALERTS)) {
            List<TopicReader.Event> resolved = reader.awaitAll(
                    e -> rule.equals(e.key())
                            && "voc.alert.resolved.v1".equals(e.headers().get("ce_type")),
                    1,
                    Duration.ofSeconds(30));
            assertEquals(1, resolved.size());
        }
    }

    @Test
    void badRulesAreRefusedWithTheField() {
        String analyst = Tokens.user("analyst");
        Map<String, String> bad = Map.of(
                "metric",
                ruleBody("tp", "happiness", 0.05, null, 30),
                "filters.employee",
                ruleBody("tp", "nps", 0.05, null, 30).replace("\"touchpoint\"", "\"employee\""),
                "window",
                ruleBody("tp", "nps", 0.05, null, 30).replace("P7D", "PT90M"),
                "alpha",
                ruleBody("tp", "nps", null, null, 30),
                "question",
                ruleBody("tp", "rating", 0.05, null, 30));
        bad.forEach((field, body) -> given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/alert-rules")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));

        String rule = createRule("tp-" + UUID.randomUUID(), "nps", 0.05, null, 30);
        given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .body(ruleBody("tp", "nps", 0.05, null, 30))
                .put("/api/alert-rules/" + rule)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(ruleBody("tp", "nps", 0.05, null, 30))
                .put("/api/alert-rules/" + rule)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(analyst)
                .header("If-Match", "\"0\"")
                .delete("/api/alert-rules/" + rule)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(analyst)
                .get("/api/alert-rules/" + rule)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(analyst)
                .queryParam("state", "BURNING")
                .get("/api/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    private static String createRule(String touchpoint, String metric, Double alpha, Double minChange, int minSample) {
        String id = given().auth()
                .oauth2(Tokens.user("analyst"))
                .contentType(ContentType.JSON)
                .body(ruleBody(touchpoint, metric, alpha, minChange, minSample))
                .post("/api/alert-rules")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .extract()
                .path("id");
        assertNotNull(id);
        return id;
    }

    private static String ruleBody(String touchpoint, String metric, Double alpha, Double minChange, int minSample) {
        return String.format("""
                {"name": "drop at %s", "metric": "%s", "filters": {"touchpoint": ["%s"]}, "window": "P7D",
                 "baseline": "P28D", "minSample": %d, "alpha": %s, "minChange": %s}
                 """, touchpoint, metric, touchpoint, minSample, alpha, minChange);
    }

    private static JsonPath alerts(String rule) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParam("ruleId", rule)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void sendNps(String touchpoint, Instant at, int count, int score) {
        for (int i = 0; i < count; i++) {
            topic.send(ResponseTopic.response(touchpoint, "WEB", at.plusSeconds(i), score));
        }
    }

    private static void sendAnswers(String touchpoint, Instant at, int count, String type, int score) {
        for (int i = 0; i < count; i++) {
            topic.send(new ResponseSubmitted(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    1,
                    touchpoint,
                    "WEB",
                    "cust-" + i,
                    at.plusSeconds(i),
                    null,
                    List.of(new ResponseSubmitted.Answer("q", type, score, null))));
        }
    }
}
