package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ActionDone;
import org.voc.events.ActionVerified;
import org.voc.events.Topics;
import org.voc.metrics.impact.domain.ImpactEvaluator;
import org.voc.metrics.impact.domain.ImpactStudies;
import org.voc.metrics.impact.domain.Study;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/**
 * Impact studies end to end against the real broker and database: responses on voc.responses in the windows around a
 * done date in the past, then the action's ActionDone on voc.actions; the verdict on voc.impact and over the API with
 * every number; redeliveries and older done dates change nothing, a later one replaces the study; two evaluators
 * judge a study once; a pending study shows the comparison so far. Evaluations run at fixed instants (the schedule
 * is off in tests).
 */
@QuarkusTest
class ImpactTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ResponseTopic responses;
    private static EventProducer producer;

    @Inject
    ImpactStudies studies;

    @Inject
    ImpactEvaluator evaluator;

    @BeforeAll
    static void open() {
        responses = new ResponseTopic();
        producer = new EventProducer();
    }

    @AfterAll
    static void close() {
        responses.close();
        producer.close();
    }

    /**
     * Before [2025-02-01, 2025-03-01): 100 responses, 30 promoters, 30 passives, 40 detractors (NPS −10); after
     * [2025-03-01, 2025-03-29): 50, 30 and 20 (NPS +30); one response on each side just outside, not counted. As
     * worked by hand in VerdictsTest: difference 40 points, z = 3.5082, p = 0.000451. Intervals (adjusted Wald, as
     * GET /api/metrics/nps reports them): before −25.689 to 6.272, after 14.051 to 44.201.
     */
    @Test
    void aFixLiveForAMonthIsJudgedOnReceipt() {
        String tp = ResponseTopic.touchpoint("impact");
        Instant doneAt = Instant.parse("2025-03-01T00:00:00Z");
        sendNps(tp, Instant.parse("2025-02-10T09:00:00Z"), 30, 10);
        sendNps(tp, Instant.parse("2025-02-12T09:00:00Z"), 30, 8);
        sendNps(tp, Instant.parse("2025-02-28T23:00:00Z"), 40, 3);
        sendNps(tp, Instant.parse("2025-03-01T00:00:00Z"), 50, 9);
        sendNps(tp, Instant.parse("2025-03-15T09:00:00Z"), 30, 7);
        sendNps(tp, Instant.parse("2025-03-28T23:00:00Z"), 20, 0);
        sendNps(tp, Instant.parse("2025-01-31T23:59:00Z"), 1, 0);
        sendNps(tp, Instant.parse("2025-03-29T00:00:00Z"), 1, 0);
        responses.awaitConsumed();
        UUID action = UUID.randomUUID();

        producer.publish(ActionDone.TYPE.of(actionDone(action, tp, "nps", 25.0, doneAt, 28)));

        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            List<TopicReader.Event> verdicts =
                    reader.awaitAll(e -> action.toString().equals(e.key()), 1, WAIT);
            assertEquals(1, verdicts.size(), "one verdict");
            assertEquals("voc.action.impact.v1", verdicts.get(0).headers().get("ce_type"));
            JsonPath event = new JsonPath(verdicts.get(0).value());
            assertEquals(action.toString(), event.getString("actionId"));
            assertEquals("2025-03-01T00:00:00Z", event.getString("doneAt"));
            assertEquals("nps", event.getString("metric"));
            assertEquals(List.of(tp), event.getList("touchpointKeys"));
            assertJudged(event, "");
        }
        JsonPath study = given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/impact/" + action)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertJudged(study, "");
        assertFalse(study.getBoolean("interim"));
        assertEquals("2025-03-29T01:00:00Z", study.getString("dueAt"), "the window's end plus the hour to settle");
        assertEquals(28, study.getInt("windowDays"));
        assertEquals(30, study.getInt("minSample"));
        assertEquals(25.0, study.getDouble("target"), 1e-9);
        assertEquals("Courier SLA renegotiated", study.getString("title"));

        JsonPath page = given().auth()
                .oauth2(Tokens.user("manager"))
                .queryParam("verdict", "IMPROVED")
                .queryParam("limit", 500)
                .get("/api/impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int index = page.getList("items.actionId").indexOf(action.toString());
        assertTrue(index >= 0, page.prettify());
        assertJudged(page, "items[" + index + "].");
        assertTrue(given()
                .auth()
                .oauth2(Tokens.user("analyst"))
                .queryParam("pending", "true")
                .queryParam("limit", 500)
                .get("/api/impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.actionId")
                .stream()
                .noneMatch(action.toString()::equals));
    }

    private static void assertJudged(JsonPath json, String at) {
        assertEquals("IMPROVED", json.getString(at + "verdict"));
        assertEquals("2025-02-01T00:00:00Z", json.getString(at + "before.from"));
        assertEquals("2025-03-01T00:00:00Z", json.getString(at + "before.to"));
        assertEquals(100, json.getLong(at + "before.n"));
        assertEquals(-10.0, json.getDouble(at + "before.value"), 1e-9);
        assertEquals(-25.689, json.getDouble(at + "before.lower"), 1e-3);
        assertEquals(6.272, json.getDouble(at + "before.upper"), 1e-3);
        assertEquals("2025-03-01T00:00:00Z", json.getString(at + "after.from"));
        assertEquals("2025-03-29T00:00:00Z", json.getString(at + "after.to"));
        assertEquals(100, json.getLong(at + "after.n"));
        assertEquals(30.0, json.getDouble(at + "after.value"), 1e-9);
        assertEquals(14.051, json.getDouble(at + "after.lower"), 1e-3);
        assertEquals(44.201, json.getDouble(at + "after.upper"), 1e-3);
        assertEquals(40.0, json.getDouble(at + "difference"), 1e-9);
        assertEquals(0.000451, json.getDouble(at + "pValue"), 1e-6);
        assertEquals(0.05, json.getDouble(at + "alpha"), 1e-12);
        assertFalse(json.getBoolean(at + "insufficientSample"));
        assertTrue(json.getBoolean(at + "targetMet"));
    }

    /**
     * The same ActionDone twice (the same and a new ce_id) and an older done date publish nothing more; a later done
     * date replaces the study and its verdict. Before [2025-03-25, 2025-04-01): 30 promoters and 5 passives (NPS
     * 85.71); after: 30 detractors and 5 passives (NPS −85.71): WORSE. Done again on 2025-04-08: its before window
     * holds those 35 and its after window nothing, so NO_SIGNIFICANT_CHANGE with insufficientSample.
     */
    @Test
    void aRedeliveredActionDonePublishesNothingTwice() {
        String tp = ResponseTopic.touchpoint("redo");
        Instant doneAt = Instant.parse("2025-04-01T00:00:00Z");
        sendNps(tp, Instant.parse("2025-03-28T09:00:00Z"), 30, 10);
        sendNps(tp, Instant.parse("2025-03-29T09:00:00Z"), 5, 8);
        sendNps(tp, Instant.parse("2025-04-03T09:00:00Z"), 30, 0);
        sendNps(tp, Instant.parse("2025-04-04T09:00:00Z"), 5, 8);
        responses.awaitConsumed();
        UUID action = UUID.randomUUID();
        ActionDone first = actionDone(action, tp, "nps", null, doneAt, 7);
        producer.publish(ActionDone.TYPE.of(first), 0, "done-" + action);

        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            JsonPath verdict =
                    new JsonPath(reader.awaitAll(e -> action.toString().equals(e.key()), 1, WAIT)
                            .get(0)
                            .value());
            assertEquals("WORSE", verdict.getString("verdict"));
            assertEquals(-6000.0 / 35, verdict.getDouble("difference"), 1e-4);
        }

        producer.publish(ActionDone.TYPE.of(first), 0, "done-" + action);
        producer.publish(ActionDone.TYPE.of(first), 0, UUID.randomUUID().toString());
        producer.publish(
                ActionDone.TYPE.of(actionDone(action, tp, "nps", null, doneAt.minus(Duration.ofDays(1)), 7)),
                0,
                UUID.randomUUID().toString());
        awaitPartitionRead(0);
        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            assertEquals(
                    1,
                    reader.awaitAll(e -> action.toString().equals(e.key()), 1, WAIT)
                            .size(),
                    "still one");
        }
        assertEquals("2025-04-01T00:00:00Z", impact(action).getString("doneAt"));
        assertEquals("WORSE", impact(action).getString("verdict"));

        Instant later = Instant.parse("2025-04-08T00:00:00Z");
        producer.publish(ActionDone.TYPE.of(actionDone(action, tp, "nps", null, later, 7)), 0, "again-" + action);
        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            List<TopicReader.Event> verdicts =
                    reader.awaitAll(e -> action.toString().equals(e.key()), 2, WAIT);
            assertEquals(2, verdicts.size(), "one verdict per done date");
            JsonPath second = new JsonPath(verdicts.get(1).value());
            assertEquals("2025-04-08T00:00:00Z", second.getString("doneAt"));
            assertEquals("NO_SIGNIFICANT_CHANGE", second.getString("verdict"));
            assertTrue(second.getBoolean("insufficientSample"));
            assertEquals(35, second.getLong("before.n"));
            assertEquals(-3000.0 / 35, second.getDouble("before.value"), 1e-4);
            assertEquals(0, second.getLong("after.n"));
            assertNull(second.get("after.value"));
            assertNull(second.get("pValue"));
        }
        JsonPath study = impact(action);
        assertEquals("2025-04-08T00:00:00Z", study.getString("doneAt"));
        assertEquals("NO_SIGNIFICANT_CHANGE", study.getString("verdict"));
    }

    /**
     * Two replicas' evaluators at the same instant: the study is judged once and one event published. Recorded with
     * a reception time before its window closes, so the consumer does not judge it first. Before: 20 detractors and
     * 10 passives (NPS −66.67); after: 20 promoters and 10 passives (NPS +66.67).
     */
    @Test
    void twoEvaluatorsPublishOnce() throws Exception {
        String tp = ResponseTopic.touchpoint("replicas");
        Instant doneAt = Instant.parse("2025-05-01T00:00:00Z");
        sendNps(tp, Instant.parse("2025-04-28T09:00:00Z"), 20, 3);
        sendNps(tp, Instant.parse("2025-04-29T09:00:00Z"), 10, 8);
        sendNps(tp, Instant.parse("2025-05-03T09:00:00Z"), 20, 10);
        sendNps(tp, Instant.parse("2025-05-04T09:00:00Z"), 10, 8);
        responses.awaitConsumed();
        UUID action = UUID.randomUUID();
        ActionDone done = actionDone(action, tp, "nps", null, doneAt, 7);
        QuarkusTransaction.requiringNew().run(() -> studies.record(done, Instant.parse("2025-05-03T12:00:00Z")));
        evaluator.assessDue(Instant.parse("2025-05-08T00:30:00Z"));
        assertNull(impact(action).getString("verdict"), "closed at 00:00 but not settled before 01:00");

        Instant at = Instant.parse("2025-05-09T00:00:00Z");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return evaluator.assessDue(at);
                }));
            }
            start.countDown();
            for (Future<Long> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            List<TopicReader.Event> verdicts =
                    reader.awaitAll(e -> action.toString().equals(e.key()), 1, WAIT);
            assertEquals(1, verdicts.size(), "one verdict for two evaluators");
            JsonPath event = new JsonPath(verdicts.get(0).value());
            assertEquals("IMPROVED", event.getString("verdict"));
            assertEquals(400.0 / 3, event.getDouble("difference"), 1e-4);
            assertEquals(at.toString(), event.getString("assessedAt"));
        }
        evaluator.assessDue(at.plus(Duration.ofDays(1)));
        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            assertEquals(
                    1,
                    reader.awaitAll(e -> action.toString().equals(e.key()), 1, WAIT)
                            .size(),
                    "judged once");
        }
        assertEquals("IMPROVED", impact(action).getString("verdict"));
    }

    /**
     * Pending: the after window cut at the time of reading. Done at 10:30, so the windows meet at 11:00 (the hour of
     * the fix counts as before). Before: 40 responses of 10 (NPS 100) on 2025-06-01 at 09:00 and 10:40; after so
     * far: 10 detractors.
     */
    @Test
    void aPendingStudyShowsTheComparisonSoFar() {
        String tp = ResponseTopic.touchpoint("interim");
        sendNps(tp, Instant.parse("2025-06-01T09:00:00Z"), 20, 10);
        sendNps(tp, Instant.parse("2025-06-01T10:40:00Z"), 20, 10);
        sendNps(tp, Instant.parse("2025-06-05T09:00:00Z"), 10, 0);
        responses.awaitConsumed();
        UUID action = UUID.randomUUID();
        ActionDone done = actionDone(action, tp, "nps", 50.0, Instant.parse("2025-06-01T10:30:00Z"), 28);
        QuarkusTransaction.requiringNew().run(() -> studies.record(done, Instant.parse("2025-06-01T12:00:00Z")));

        Study study = QuarkusTransaction.requiringNew()
                .call(() -> studies.get(action, Instant.parse("2025-06-10T12:00:00Z")));

        assertTrue(study.interim());
        assertNull(study.verdict());
        assertNull(study.assessedAt());
        assertEquals(Instant.parse("2025-05-04T11:00:00Z"), study.before().from());
        assertEquals(Instant.parse("2025-06-01T11:00:00Z"), study.before().to());
        assertEquals(40, study.before().n());
        assertEquals(100.0, study.before().value(), 1e-9);
        assertEquals(Instant.parse("2025-06-01T11:00:00Z"), study.after().from());
        assertEquals(Instant.parse("2025-06-10T12:00:00Z"), study.after().to());
        assertEquals(10, study.after().n());
        assertEquals(-100.0, study.after().value(), 1e-9);
        assertEquals(-200.0, study.difference(), 1e-9);
        assertTrue(study.insufficientSample());
        assertFalse(study.targetMet());
        assertEquals(Instant.parse("2025-06-29T12:00:00Z"), study.dueAt());

        JsonPath listed = given().auth()
                .oauth2(Tokens.user("admin"))
                .queryParam("pending", "true")
                .queryParam("limit", 500)
                .get("/api/impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int index = listed.getList("items.actionId").indexOf(action.toString());
        assertTrue(index >= 0, listed.prettify());
        assertNull(listed.get("items[" + index + "].before"));
        assertNull(listed.get("items[" + index + "].verdict"));
    }

    /**
     * Measures nothing it cannot measure: an unknown metric goes to voc.actions.dlq with the reason. The verified
     * action published before it, on the same key, is skipped: the only dead letter is the unmeasurable one.
     */
    @Test
    void anUnmeasurableActionIsDeadLettered() {
        UUID action = UUID.randomUUID();
        producer.publish(ActionVerified.TYPE.of(new ActionVerified(
                action, "Verified elsewhere", List.of("tp-x"), List.of("cust-1"), 1, 1, Instant.now())));
        producer.publish(ActionDone.TYPE.of(
                actionDone(action, "tp-x", "happiness", null, Instant.parse("2025-01-01T00:00:00Z"), 28)));
        try (TopicReader reader = new TopicReader(Topics.ACTIONS + ".dlq")) {
            List<TopicReader.Event> dead =
                    reader.awaitAll(e -> action.toString().equals(e.key()), 1, WAIT);
            assertEquals(1, dead.size());
            assertTrue(dead.get(0).headers().get("dlq-reason").startsWith("not measurable: metric must be one of"));
        }
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/impact/" + action)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParam("verdict", "BETTER")
                .get("/api/impact")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /** Waits until the service has read every record sent before on this partition of voc.actions. */
    private void awaitPartitionRead(int partition) {
        String tp = ResponseTopic.touchpoint("marker");
        UUID marker = UUID.randomUUID();
        producer.publish(
                ActionDone.TYPE.of(actionDone(marker, tp, "nps", null, Instant.parse("2025-01-01T00:00:00Z"), 7)),
                partition,
                UUID.randomUUID().toString());
        try (TopicReader reader = new TopicReader(Topics.IMPACT)) {
            assertEquals(
                    1,
                    reader.awaitAll(e -> marker.toString().equals(e.key()), 1, WAIT)
                            .size());
        }
    }

    private static JsonPath impact(UUID action) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/impact/" + action)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static ActionDone actionDone(
            UUID action, String tp, String metric, Double target, Instant doneAt, int windowDays) {
        return new ActionDone(
                action,
                "Courier SLA renegotiated",
                "card-ops",
                List.of(tp),
                metric,
                null,
                target,
                doneAt,
                windowDays,
                30);
    }

    private static void sendNps(String touchpoint, Instant at, int count, int score) {
        for (int i = 0; i < count; i++) {
            responses.send(ResponseTopic.response(touchpoint, "WEB", at.plusSeconds(i), score));
        }
    }
}
