package org.voc.cases;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.cases.WorkFixture.as;
import static org.voc.cases.WorkFixture.read;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * Recovery re-surveys (docs/improvement.md, "Recovery re-survey"): closing a case whose rule asks for one publishes an
 * interaction of the case-closure touchpoint on voc.interactions (read from the real broker); the customer's answer,
 * a response of that touchpoint naming the case in its processRef, is recorded on the case once, and the KPIs count
 * the re-surveys and the recoveries.
 */
@QuarkusTest
class CaseRecoveryTest {

    private static WorkFixture asking;
    private static WorkFixture silent;

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    /** Two teams; the recovery rule of the test that needs it covers the first one's touchpoint only. */
    @BeforeEach
    void setUp() {
        if (asking == null) {
            asking = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of());
            silent = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of());
        }
    }

    @AfterAll
    static void close() {
        for (WorkFixture f : new WorkFixture[] {asking, silent}) {
            if (f != null) {
                f.close();
            }
        }
        asking = null;
        silent = null;
    }

    @Test
    void aRuleWithoutRecoverySurveyShowsFalse() {
        Response created = as("designer")
                .body("{\"name\": \"No recovery " + Events.unique() + "\", \"conditions\": {\"nps\": {\"atMost\": 0},"
                        + " \"touchpoints\": [\"tp-none-" + Events.unique() + "\"]}, \"priority\": \"NORMAL\","
                        + " \"firstContactTarget\": \"PT4H\", \"resolutionTarget\": \"P3D\"}")
                .post("/api/case-rules");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals(false, created.jsonPath().getBoolean("recoverySurvey"));
        as("designer")
                .header("If-Match", created.header("ETag"))
                .delete("/api/case-rules/" + created.jsonPath().getString("id"));
    }

    @Test
    void closingAsksSurveyServiceToReInviteAndTheFirstAnswerIsRecorded() {
        Response rule = as("designer")
                .body("{\"name\": \"Recover detractors " + asking.touchpoint + "\", \"conditions\": {\"nps\":"
                        + " {\"atMost\": 6}, \"touchpoints\": [\"" + asking.touchpoint + "\"]}, \"priority\":"
                        + " \"NORMAL\", \"firstContactTarget\": \"PT4H\", \"resolutionTarget\": \"P3D\","
                        + " \"recoverySurvey\": true}")
                .post("/api/case-rules");
        assertEquals(201, rule.statusCode(), rule.asString());
        assertTrue(rule.jsonPath().getBoolean("recoverySurvey"));
        try {
            reSurveyed();
        } finally {
            as("designer")
                    .header(
                            "If-Match",
                            as("designer")
                                    .get("/api/case-rules/" + rule.jsonPath().getString("id"))
                                    .header("ETag"))
                    .delete("/api/case-rules/" + rule.jsonPath().getString("id"));
        }
    }

    private void reSurveyed() {
        Instant before = Instant.now();
        List<String> ids = asking.open(2);
        String recovers = ids.get(0);
        String stays = ids.get(1);
        String customer = read("manager", recovers).jsonPath().getString("customerRef");
        try (TopicReader interactions = TopicReader.fromNow(Topics.INTERACTIONS)) {
            CaseWorkTest.bringTo(recovers, CaseStatus.CLOSED);
            List<TopicReader.Event> asked =
                    interactions.awaitAll(e -> customer.equals(e.key()), 1, WorkFixture.TIMEOUT);
            assertEquals(1, asked.size(), "one interaction for the closed case: " + asked);
            assertEquals("voc.interaction.v1", asked.get(0).headers().get("ce_type"));
            JsonPath payload = JsonPath.from(asked.get(0).value());
            assertEquals("case-closure:" + recovers + ":0", payload.getString("interactionId"));
            assertEquals(customer, payload.getString("customerRef"));
            assertEquals("case-closure", payload.getString("touchpointKey"));
            assertEquals("CONTACT_CENTER", payload.getString("channel"));
            assertEquals("case:" + recovers, payload.getString("processRef"));
        }
        CaseWorkTest.bringTo(stays, CaseStatus.CLOSED);
        JsonPath closed = read("manager", recovers).jsonPath();
        assertNotNull(closed.getString("recovery.requestedAt"));
        assertNull(closed.get("recovery.answeredAt"));
        assertNull(closed.get("recovery.recovered"));
        List<Map<String, Object>> history =
                read("manager", recovers + "/history").jsonPath().getList("items");
        Map<String, Object> close = history.get(history.size() - 1);
        assertEquals("CLOSE", close.get("action"));
        assertEquals(Map.of("recoverySurvey", true), close.get("details"));

        try (Events events = new Events()) {
            events.publish(recoveryAnswer(recovers, 8, 4), null);
            events.publish(recoveryAnswer(stays, 3, 2), null);
        }
        await().atMost(WorkFixture.TIMEOUT)
                .until(() -> read("manager", stays).jsonPath().get("recovery.recovered") != null);
        JsonPath recovered = await().atMost(WorkFixture.TIMEOUT)
                .until(() -> read("manager", recovers).jsonPath(), c -> c.get("recovery.recovered") != null);
        assertEquals(true, recovered.getBoolean("recovery.recovered"));
        assertEquals(8, recovered.getInt("recovery.nps"));
        assertEquals(4, recovered.getInt("recovery.csat"));
        assertNotNull(recovered.getString("recovery.answeredAt"));
        assertEquals(false, read("manager", stays).jsonPath().getBoolean("recovery.recovered"));

        // A later answer of the same case is not the recovery answer: the first one stands. A detractor's response
        // after it on the same partition opens a case once the late answer has been consumed.
        try (Events again = new Events()) {
            int partition = again.anyPartition(Topics.RESPONSES);
            again.publish(recoveryAnswer(recovers, 0, 1), partition);
            ResponseSubmitted marker = Events.response(asking.touchpoint, 2, null);
            again.publish(marker, partition);
            Cases.awaitList(
                    Map.of("touchpoint", asking.touchpoint),
                    list -> Cases.byResponse(list, marker.responseId()) != null,
                    "the marker after the late answer opens its case");
        }
        assertEquals(8, read("manager", recovers).jsonPath().getInt("recovery.nps"));
        assertEquals(
                1,
                read("manager", recovers + "/history").jsonPath().getList("items.action").stream()
                        .filter("RECOVERY_ANSWER"::equals)
                        .count(),
                "one RECOVERY_ANSWER entry");

        JsonPath kpis = kpis(asking.team, before);
        assertEquals(2, kpis.getInt("recovery.requested"));
        assertEquals(2, kpis.getInt("recovery.answered"));
        assertEquals(1, kpis.getInt("recovery.recovered"));
        assertEquals(0.5, kpis.getDouble("recovery.rate"), 1e-9);
    }

    @Test
    void aCaseWhoseRulesAskNoRecoveryIsNotReSurveyed() {
        Instant before = Instant.now();
        String id = silent.openOne();
        CaseWorkTest.bringTo(id, CaseStatus.CLOSED);
        JsonPath closed = read("manager", id).jsonPath();
        assertEquals("CLOSED", closed.getString("status"));
        assertNull(closed.get("recovery"));
        JsonPath kpis = kpis(silent.team, before);
        assertEquals(0, kpis.getInt("recovery.requested"));
        assertNull(kpis.get("recovery.rate"));
    }

    private static JsonPath kpis(String team, Instant from) {
        Response response = as("manager")
                .queryParam("team", team)
                .queryParam("from", from.minusSeconds(60).toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/cases/kpis");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    /** The customer's answer to the recovery survey: the case-closure touchpoint, the case in its processRef. */
    private static ResponseSubmitted recoveryAnswer(String caseId, int nps, int csat) {
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                "case-closure",
                "EMAIL",
                "cust-" + Events.unique(),
                Instant.now(),
                nps,
                List.of(
                        new ResponseSubmitted.Answer("csat", "CSAT", csat, null),
                        new ResponseSubmitted.Answer("nps", "NPS", nps, null)),
                null,
                null,
                null,
                "case:" + caseId);
    }
}
