package org.voc.cases;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.cases.WorkFixture.CONTACT;
import static org.voc.cases.WorkFixture.assign;
import static org.voc.cases.WorkFixture.done;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.ResponseSubmitted;

/**
 * The Pareto of root causes worked by hand, through the broker and the API. One team owns a busy touchpoint (100 NPS
 * answers: 60 promoters, 20 passives, 20 detractors) and a quiet one (10: 8 promoters, 2 detractors), all answered
 * on 7 October 2026. A keyword rule on the busy one opens cases for 8 passives who complained about the courier.
 * <ul>
 * <li>FORM (many cases, no detractor): the 8 passives' cases → 8 cases, 0 detractors, 0 points;</li>
 * <li>FEES: 6 detractor cases at the busy touchpoint (one of them also QUEUE) → 6, 6, 100 × 6 / 100 = 6 points;</li>
 * <li>QUEUE (few detractors, quiet touchpoint), under the category BRANCH: the 2 detractors of the quiet touchpoint
 * and that one case at the busy one → 3, 3, 100 × 2 / 10 + 100 × 1 / 100 = 21 points.</li>
 * </ul>
 * By cases FORM, FEES, QUEUE; by detractors FEES, QUEUE, FORM; by points QUEUE, FEES, FORM. BRANCH names no case and
 * has no row: counts are not rolled up.
 */
@QuarkusTest
class ParetoApiTest {

    private static final Instant DAY = Instant.parse("2026-10-07T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    @Test
    void threeRankingsOfTheSameCausesWorkedByHand() {
        RuleFixture rules = new RuleFixture();
        try (WorkFixture fixture = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of())) {
            String busy = fixture.touchpoint;
            String quiet = "tp-quiet-" + Events.unique();
            fixture.events.publish(Events.touchpoint(UUID.randomUUID(), quiet, fixture.team, 0), null);
            await().atMost(PATIENCE)
                    .until(() -> QuarkusTransaction.requiringNew()
                            .call(() -> fixture.team.equals(
                                    touchpoints.ownerTeams(List.of(quiet)).get(quiet))));
            String rule = rules.create(
                    "Courier " + busy,
                    "{\"text\": {\"anyOf\": [\"courier\"]}, \"touchpoints\": [\"" + busy + "\"]}",
                    "NORMAL");
            try {
                String form = CauseFixture.created(CauseFixture.code("FORM"), "Form confusing", null);
                String fees = CauseFixture.created(CauseFixture.code("FEES"), "Fees unclear", null);
                String branch = CauseFixture.created(CauseFixture.code("BRANCH"), "Branch", null);
                String queue = CauseFixture.created(CauseFixture.code("QUEUE"), "Queue in branch", branch);

                List<ResponseSubmitted> passives = new ArrayList<>();
                List<ResponseSubmitted> busyDetractors = new ArrayList<>();
                List<ResponseSubmitted> quietDetractors = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    send(fixture, response(busy, 9 + i % 2, null));
                }
                for (int i = 0; i < 20; i++) {
                    ResponseSubmitted r = response(busy, 7 + i % 2, i < 8 ? "The courier came a day late" : null);
                    send(fixture, r);
                    if (i < 8) {
                        passives.add(r);
                    }
                }
                for (int i = 0; i < 20; i++) {
                    ResponseSubmitted r = response(busy, i % 7, null);
                    send(fixture, r);
                    busyDetractors.add(r);
                }
                for (int i = 0; i < 10; i++) {
                    ResponseSubmitted r = response(quiet, i < 8 ? 10 : 1, null);
                    send(fixture, r);
                    if (i >= 8) {
                        quietDetractors.add(r);
                    }
                }
                awaitTally(busy, 100);
                awaitTally(quiet, 10);

                for (ResponseSubmitted r : passives) {
                    resolve(caseOf(busy, r), form);
                }
                for (int i = 0; i < 5; i++) {
                    resolve(caseOf(busy, busyDetractors.get(i)), fees);
                }
                resolve(caseOf(busy, busyDetractors.get(5)), fees, queue);
                for (ResponseSubmitted r : quietDetractors) {
                    resolve(caseOf(quiet, r), queue);
                }

                JsonPath byCases = pareto("manager", fixture.team, null, "cases");
                assertEquals(List.of(form, fees, queue), byCases.getList("items.rootCauseId"));
                assertRow(byCases, 0, 8, 0, 0.0, 0.4706, 0.4706);
                assertRow(byCases, 1, 6, 6, 6.0, 0.3529, 0.8235);
                assertRow(byCases, 2, 3, 3, 21.0, 0.1765, 1.0);
                assertEquals(16, byCases.getInt("casesWithCause"), "the case with two causes counts once here");
                assertEquals(110, byCases.getInt("npsAnswers"));
                assertEquals(110, byCases.getInt("responses"));
                assertTrue(byCases.getBoolean("summedOverTouchpoints"));
                assertEquals("Branch → Queue in branch", byCases.getString("items[2].pathName"));
                assertFalse(byCases.getList("items.rootCauseId").contains(branch), "no roll-up into parents");

                JsonPath byDetractors = pareto("manager", fixture.team, null, "detractors");
                assertEquals(List.of(fees, queue, form), byDetractors.getList("items.rootCauseId"));
                assertRow(byDetractors, 0, 6, 6, 6.0, 0.6667, 0.6667);
                assertRow(byDetractors, 1, 3, 3, 21.0, 0.3333, 1.0);
                assertRow(byDetractors, 2, 8, 0, 0.0, 0.0, 1.0);

                JsonPath byPoints = pareto("analyst", fixture.team, null, "npsPointsLost");
                assertEquals(List.of(queue, fees, form), byPoints.getList("items.rootCauseId"));
                assertRow(byPoints, 0, 3, 3, 21.0, 0.7778, 0.7778);
                assertRow(byPoints, 1, 6, 6, 6.0, 0.2222, 1.0);
                assertRow(byPoints, 2, 8, 0, 0.0, 0.0, 1.0);

                JsonPath quietOnly = pareto("agent", null, quiet, "npsPointsLost");
                assertEquals(List.of(queue), quietOnly.getList("items.rootCauseId"));
                assertRow(quietOnly, 0, 2, 2, 20.0, 1.0, 1.0);
                assertEquals(10, quietOnly.getInt("npsAnswers"));
                assertFalse(quietOnly.getBoolean("summedOverTouchpoints"));

                JsonPath asAgent = pareto("agent", fixture.team, null, "npsPointsLost");
                assertEquals(byPoints.getList("items"), asAgent.getList("items"), "an agent of the team sees it");
                JsonPath otherPeriod = Cases.as("manager")
                        .queryParam("team", fixture.team)
                        .queryParam("from", "2026-10-08")
                        .queryParam("to", "2026-10-31")
                        .get("/api/root-causes/pareto")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertEquals(List.of(), otherPeriod.getList("items"), "the period is the responses' days");
            } finally {
                Response current = Cases.as("designer").get("/api/case-rules/" + rule);
                Cases.as("designer")
                        .header("If-Match", current.header("ETag"))
                        .delete("/api/case-rules/" + rule)
                        .then()
                        .statusCode(204);
            }
        }
    }

    @Test
    void theQueryIsChecked() {
        Response rank = Cases.as("analyst").queryParam("rankBy", "loudness").get("/api/root-causes/pareto");
        assertEquals(400, rank.statusCode());
        assertEquals("rankBy", rank.jsonPath().getString("errors[0].field"));
        Response from = Cases.as("analyst")
                .queryParam("from", "2026-11-30")
                .queryParam("to", "2026-11-01")
                .get("/api/root-causes/pareto");
        assertEquals(400, from.statusCode());
        assertEquals("from", from.jsonPath().getString("errors[0].field"));
        Response day = Cases.as("analyst").queryParam("to", "yesterday").get("/api/root-causes/pareto");
        assertEquals(400, day.statusCode());
        assertEquals("to", day.jsonPath().getString("errors[0].field"));
        JsonPath defaults = Cases.as("analyst")
                .queryParam("to", "2026-11-28")
                .get("/api/root-causes/pareto")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("2026-11-01", defaults.getString("from"), "28 days, both ends included");
        assertEquals("cases", defaults.getString("rankBy"));
        JsonPath today = Cases.as("analyst")
                .get("/api/root-causes/pareto")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                27,
                java.time.temporal.ChronoUnit.DAYS.between(
                        java.time.LocalDate.parse(today.getString("from")),
                        java.time.LocalDate.parse(today.getString("to"))),
                "by default the last 28 days up to today");
        assertEquals(403, Cases.as("designer").get("/api/root-causes/pareto").statusCode());
    }

    private static ResponseSubmitted response(String touchpoint, int nps, String comment) {
        List<ResponseSubmitted.Answer> answers = comment == null
                ? List.of(new ResponseSubmitted.Answer("nps", "NPS", nps, null))
                : List.of(
                        new ResponseSubmitted.Answer("nps", "NPS", nps, null),
                        new ResponseSubmitted.Answer("why", "TEXT", null, comment));
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                touchpoint,
                "WEB",
                "cust-" + Events.unique(),
                DAY,
                nps,
                answers);
    }

    private static void send(WorkFixture fixture, ResponseSubmitted r) {
        fixture.events.publish(r, null);
    }

    /** Waits until the touchpoint's NPS answers of the day are all tallied. */
    private static void awaitTally(String touchpoint, int answers) {
        await("the tally of " + touchpoint)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> pareto("manager", null, touchpoint, "cases").getInt("npsAnswers") == answers);
    }

    private static String caseOf(String touchpoint, ResponseSubmitted r) {
        return (String) Cases.awaitCaseOf(touchpoint, r.responseId(), "the case of " + r.responseId())
                .get("id");
    }

    private static void resolve(String id, String... causes) {
        done("manager", id, "assign", assign("agent"));
        done("agent", id, "contact", CONTACT);
        done("agent", id, "resolve", CaseRootCauseTest.resolve(causes));
    }

    private static JsonPath pareto(String user, String team, String touchpoint, String rankBy) {
        var request = Cases.as(user).contentType(ContentType.JSON);
        if (team != null) {
            request.queryParam("team", team);
        }
        if (touchpoint != null) {
            request.queryParam("touchpoint", touchpoint);
        }
        Response response = request.queryParam("from", "2026-10-07")
                .queryParam("to", "2026-10-07")
                .queryParam("rankBy", rankBy)
                .get("/api/root-causes/pareto");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    private static void assertRow(
            JsonPath pareto, int row, long cases, long detractors, double points, double share, double cumulative) {
        String at = "items[" + row + "].";
        assertEquals(cases, pareto.getLong(at + "cases"), at + "cases");
        assertEquals(detractors, pareto.getLong(at + "detractors"), at + "detractors");
        assertEquals(points, pareto.getDouble(at + "npsPointsLost"), 1e-9, at + "npsPointsLost");
        assertEquals(share, pareto.getDouble(at + "share"), 1e-9, at + "share");
        assertEquals(cumulative, pareto.getDouble(at + "cumulativeShare"), 1e-9, at + "cumulativeShare");
    }
}
