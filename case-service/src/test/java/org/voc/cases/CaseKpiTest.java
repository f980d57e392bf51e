package org.voc.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.sla.SlaScheduler;

/**
 * {@code GET /api/cases/kpis} (docs/cases.md, "KPIs") against figures computed by hand on fixture cases: shares
 * within SLA, median and p90 business hours, backlog buckets, breaches and escalations; an agent's scope; 400s.
 */
@QuarkusTest
class CaseKpiTest {

    /** "Now" for the fixture: Friday 20 November 2026, noon UTC. */
    private static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");

    private static Events events;
    private static String teamA;
    private static String teamB;

    @Inject
    TestClock clock;

    @Inject
    DataSource db;

    @Inject
    TeamReplicaService teams;

    @Inject
    SlaScheduler scheduler;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    @AfterAll
    static void disconnect() {
        events.close();
        SlaFixture.deleteOpened();
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    /**
     * Team A (the agent is a member, escalation contact, no ladder) has seven cases, team B one. Once per class, in
     * {@code @BeforeEach} because REST Assured only points at the application once a test runs.
     */
    @BeforeEach
    void fixture() {
        clock.set(AS_OF);
        if (teamA != null) {
            return;
        }
        String run = Events.unique();
        String a = "kpi-a-" + run;
        String b = "kpi-b-" + run;
        events.publish(SlaFixture.team(UUID.randomUUID(), a, "lead.a", List.of(), "agent"), null);
        events.publish(SlaFixture.team(UUID.randomUUID(), b, "lead.b", List.of(), "someone.else"), null);
        SlaFixture.awaitSchedule(teams, a, 1);
        SlaFixture.awaitSchedule(teams, b, 1);
        List<UUID> ids = SlaFixture.openCases(events, a, 7);
        UUID other = SlaFixture.openCases(events, b, 1).get(0);

        // c1: contacted and resolved in time (1 h, 10 h).
        write(
                ids.get(0),
                "RESOLVED",
                "11-02T09:00",
                "11-02T13:00",
                "11-02T10:00",
                3600L,
                "11-05T18:00",
                "11-04T12:00",
                36_000L);
        // c2: contacted late (2 h), resolved late (20 h), closed.
        write(
                ids.get(1),
                "CLOSED",
                "11-03T09:00",
                "11-03T13:00",
                "11-03T15:00",
                7200L,
                "11-06T18:00",
                "11-10T12:00",
                72_000L);
        // c3: contacted in time (3 h), resolution not due yet; 4 days old.
        write(
                ids.get(2),
                "IN_CONTACT",
                "11-16T12:00",
                "11-16T16:00",
                "11-16T14:00",
                10_800L,
                "11-25T18:00",
                null,
                null);
        // c4: never contacted, first contact long overdue (missed), resolution not due yet; 10 days old.
        write(ids.get(3), "OPEN", "11-10T09:00", "11-10T13:00", null, null, "11-30T18:00", null, null);
        // c5: first contact not due yet (pending); 26 hours old.
        write(ids.get(4), "ASSIGNED", "11-19T10:00", "11-21T10:00", null, null, "11-27T18:00", null, null);
        // c6: opened before the window, both clocks out: backlog over 7 days, two breaches in the window.
        write(ids.get(5), "OPEN", "10-25T09:00", "10-26T09:00", null, null, "11-01T09:00", null, null);
        // c7: opened an hour ago, nothing due yet.
        write(ids.get(6), "OPEN", "11-20T11:00", "11-20T15:00", null, null, "11-27T15:00", null, null);
        // Team B's case would change every figure if it counted.
        write(other, "OPEN", "11-10T09:00", "11-10T13:00", null, null, "11-12T13:00", null, null);
        // The breaches of now (20 November): c4 first contact, c6 both, and B's both; each escalates to the contact.
        scheduler.sweep();
        teamA = a;
        teamB = b;
    }

    @Test
    void figuresMatchTheHandComputedOnes() {
        JsonPath kpis = kpis("manager", Map.of("team", teamA, "from", "2026-11-01", "to", "2026-11-20"));
        assertEquals(expectedForTeamA(teamA), figures(kpis));
        assertEquals("2026-11-01T00:00:00Z", kpis.getString("from"));
        assertEquals(AS_OF.toString(), kpis.getString("asOf"));
    }

    @Test
    void theWindowSelectsTheCohortAndTheBreaches() {
        // Up to 19 November: c7 was not opened yet, and nothing had been marked (the sweep ran on the 20th).
        JsonPath kpis = kpis("analyst", Map.of("team", teamA, "from", "2026-11-01", "to", "2026-11-19"));
        assertEquals(5, kpis.getInt("opened"));
        assertEquals(1, kpis.getInt("firstContact.pending"), "only c5 is pending");
        assertEquals(Map.of("firstContact", 0, "resolution", 0), kpis.getMap("breaches"));
        assertEquals(5, kpis.getInt("backlog.total"), "the backlog is now, whatever the window");
    }

    @Test
    void anAgentGetsTheFiguresOfTheirOwnTeamsOnly() {
        assertEquals(
                expectedForTeamA(teamA),
                figures(kpis("agent", Map.of("team", teamA, "from", "2026-11-01", "to", "2026-11-20"))),
                "team A names the agent");
        JsonPath others = kpis("agent", Map.of("team", teamB, "from", "2026-11-01", "to", "2026-11-20"));
        assertEquals(0, others.getInt("opened"), "team B does not");
        assertEquals(0, others.getInt("backlog.total"));
        assertEquals(Map.of("firstContact", 0, "resolution", 0), others.getMap("breaches"));
        JsonPath b = kpis("admin", Map.of("team", teamB, "from", "2026-11-01", "to", "2026-11-20"));
        assertEquals(1, b.getInt("opened"), "an admin sees team B");
        assertEquals(Map.of("firstContact", 1, "resolution", 1), b.getMap("breaches"));
    }

    @Test
    void theTouchpointFilterNarrows() {
        assertEquals(
                6,
                kpis("manager", Map.of("touchpoint", "tp-" + teamA, "from", "2026-11-01", "to", "2026-11-20"))
                        .getInt("opened"));
        assertEquals(
                0,
                kpis(
                                "manager",
                                Map.of(
                                        "team",
                                        teamA,
                                        "touchpoint",
                                        "tp-" + teamB,
                                        "from",
                                        "2026-11-01",
                                        "to",
                                        "2026-11-20"))
                        .getInt("opened"));
    }

    @Test
    void theDefaultWindowIsTheThirtyDaysUpToNow() {
        JsonPath kpis = kpis("manager", Map.of("team", teamA));
        assertEquals(AS_OF.toString(), kpis.getString("to"));
        assertEquals("2026-10-21T12:00:00Z", kpis.getString("from"));
        assertEquals(7, kpis.getInt("opened"), "c6 of 25 October too");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "from, yesterday",
        "from, 2026-13-01",
        "to, 2026-11-20T25:00:00Z",
        "to, 10000-01-01",
    })
    void badInputIsA400NamingTheParameter(String field, String value) {
        Cases.as("manager")
                .queryParam(field, value)
                .get("/api/cases/kpis")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsA400() {
        Cases.as("manager")
                .queryParam("from", "2026-11-20")
                .queryParam("to", "2026-11-01")
                .get("/api/cases/kpis")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theOperationIsDocumentedWithASummaryAndExamples() {
        String operation = "paths.'/api/cases/kpis'.get";
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(operation + ".summary", equalTo("Closed-loop KPIs"))
                .body(operation + ".responses.'200'.content.'application/json'.examples.kpis", notNullValue())
                .body(operation + ".responses.'400'.content.'application/problem+json'.examples", notNullValue());
    }

    @Test
    void aDesignerMayNotReadTheKpis() {
        Cases.as("designer").get("/api/cases/kpis").then().statusCode(403);
    }

    /**
     * Team A, opened 1–20 November: c1–c5 and c7 (6). First contact: met c1, c3; missed c2 (late), c4 (overdue);
     * pending c5, c7; hours 1, 2, 3: median 2, p90 2.8. Resolution: met c1, missed c2, pending the other four; hours
     * 10, 20: median 15, p90 19. Backlog now: c7 under a day, c5 one to three, c3 three to seven, c4 and c6 over
     * seven. Breaches on the 20th: c4 and c6 first contact, c6 resolution; each escalated once to the contact.
     */
    private static Map<String, Object> expectedForTeamA(String team) {
        return Map.of(
                "team", team == null ? "-" : team,
                "opened", 6,
                "firstContact",
                        Map.of(
                                "met",
                                2,
                                "missed",
                                2,
                                "pending",
                                2,
                                "withinSla",
                                0.5f,
                                "medianHours",
                                2.0f,
                                "p90Hours",
                                2.8f),
                "resolution",
                        Map.of(
                                "met",
                                1,
                                "missed",
                                1,
                                "pending",
                                4,
                                "withinSla",
                                0.5f,
                                "medianHours",
                                15.0f,
                                "p90Hours",
                                19.0f),
                "backlog",
                        Map.of(
                                "total",
                                5,
                                "underOneDay",
                                1,
                                "oneToThreeDays",
                                1,
                                "threeToSevenDays",
                                1,
                                "overSevenDays",
                                2),
                "breaches", Map.of("firstContact", 2, "resolution", 1),
                "escalations", Map.of("firstContact", 2, "resolution", 1));
    }

    private static Map<String, Object> figures(JsonPath kpis) {
        String team = kpis.getString("team");
        return Map.of(
                "team", team == null ? "-" : team,
                "opened", kpis.getInt("opened"),
                "firstContact", kpis.getMap("firstContact"),
                "resolution", kpis.getMap("resolution"),
                "backlog", kpis.getMap("backlog"),
                "breaches", kpis.getMap("breaches"),
                "escalations", kpis.getMap("escalations"));
    }

    private static JsonPath kpis(String user, Map<String, String> query) {
        return Cases.as(user)
                .queryParams(query)
                .get("/api/cases/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void write(
            UUID id,
            String status,
            String openedAt,
            String firstContactDueAt,
            String firstContactAt,
            Long firstContactSeconds,
            String resolutionDueAt,
            String resolvedAt,
            Long resolutionSeconds) {
        SlaFixture.write(
                db,
                id,
                new SlaFixture.Work(
                        status,
                        at(openedAt),
                        at(firstContactDueAt),
                        at(firstContactAt),
                        firstContactSeconds,
                        at(resolutionDueAt),
                        at(resolvedAt),
                        resolutionSeconds));
    }

    /** "MM-DDTHH:MM" in 2026, UTC. */
    private static Instant at(String monthDayTime) {
        return monthDayTime == null ? null : Instant.parse("2026-" + monthDayTime + ":00Z");
    }
}
