package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.cases.actions.domain.ActionStatus;
import org.voc.cases.actions.domain.ActionStep;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.ActionImpactAssessed;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * Improvement actions through the API with real tokens, on the real database and broker: every step from every
 * status, ETags, history, DONE's event read from voc.actions, verdicts put on voc.impact, the VERIFIED rule and its
 * override, proposals from a case, links, ranking, filters, roles and bad bodies.
 */
@QuarkusTest
class ImprovementActionTest {

    /** The expected transitions, written out here independently of the service's table (docs/cases.md). */
    private static final Map<ActionStep, Map<ActionStatus, ActionStatus>> LEGAL = new EnumMap<>(ActionStep.class);

    static {
        LEGAL.put(
                ActionStep.UPDATE,
                Map.of(
                        ActionStatus.PROPOSED, ActionStatus.PROPOSED,
                        ActionStatus.APPROVED, ActionStatus.APPROVED,
                        ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS));
        LEGAL.put(ActionStep.APPROVE, Map.of(ActionStatus.PROPOSED, ActionStatus.APPROVED));
        LEGAL.put(ActionStep.START, Map.of(ActionStatus.APPROVED, ActionStatus.IN_PROGRESS));
        LEGAL.put(ActionStep.DONE, Map.of(ActionStatus.IN_PROGRESS, ActionStatus.DONE));
        LEGAL.put(ActionStep.VERIFY, Map.of(ActionStatus.DONE, ActionStatus.VERIFIED));
        LEGAL.put(
                ActionStep.REJECT,
                Map.of(ActionStatus.PROPOSED, ActionStatus.REJECTED, ActionStatus.APPROVED, ActionStatus.REJECTED));
        LEGAL.put(ActionStep.REOPEN, Map.of(ActionStatus.DONE, ActionStatus.IN_PROGRESS));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERRIDE = "{\"overrideReason\": \"Complaints stopped; too few responses\"}";
    private static final String REASON = "{\"reason\": \"The fix did not hold\"}";

    private static WorkFixture fixture;

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    @BeforeEach
    void setUp() {
        if (fixture == null) {
            fixture = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of());
        }
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
        fixture = null;
    }

    static Stream<Arguments> everyStepFromEveryStatus() {
        List<Arguments> all = new ArrayList<>();
        for (ActionStep step : ActionStep.values()) {
            for (ActionStatus from : ActionStatus.values()) {
                all.add(Arguments.of(step, from));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyStepFromEveryStatus")
    void everyTransitionOfTheTableAndNoOther(ActionStep step, ActionStatus from) {
        String id = create("analyst", write("Step " + step + " from " + from, fixture.touchpoint));
        bringTo(id, from);
        Response response = step(step, id);
        ActionStatus to = LEGAL.get(step).get(from);
        if (to == null) {
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals(
                    "urn:voc:problem:illegal-transition", response.jsonPath().getString("type"));
            String detail = response.jsonPath().getString("detail");
            assertTrue(detail.contains(from.name()) && detail.contains(step.name()) && detail.contains(id), detail);
            assertEquals(from.name(), read("analyst", id).jsonPath().getString("status"), "unchanged");
        } else {
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(to.name(), response.jsonPath().getString("status"));
            assertEquals(to.name(), read("agent", id).jsonPath().getString("status"));
        }
    }

    @Test
    void changesNeedTheCurrentEtag() {
        String id = create("manager", write("ETags", fixture.touchpoint));
        Response missing = as("manager").post("/api/improvement-actions/" + id + "/approve");
        assertEquals(428, missing.statusCode(), missing.asString());
        Response stale = act("manager", id, "approve", null, "\"7\"");
        assertEquals(412, stale.statusCode(), stale.asString());
        Response approved = act("manager", id, "approve", null, "\"0\"");
        assertEquals(200, approved.statusCode(), approved.asString());
        assertEquals("\"1\"", approved.header("ETag"));
        assertEquals(1, approved.jsonPath().getInt("version"));
        Response again = act("manager", id, "start", null, "\"0\"");
        assertEquals(412, again.statusCode(), "the ETag read before the approval is stale");
        Response update = as("manager")
                .header("If-Match", "\"0\"")
                .body(write("Stale update", fixture.touchpoint))
                .put("/api/improvement-actions/" + id);
        assertEquals(412, update.statusCode(), update.asString());
    }

    @Test
    void historyRecordsWhoWhenAndWhat() {
        String id = create("analyst", write("History", fixture.touchpoint));
        done("manager", id, "approve", null);
        done("admin", id, "start", null);
        Instant doneAt = Instant.parse("2026-11-20T08:00:00Z");
        done("manager", id, "done", "{\"doneAt\": \"" + doneAt + "\"}");
        done("analyst", id, "reopen", REASON);
        List<Map<String, Object>> items = as("agent")
                .get("/api/improvement-actions/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(
                List.of("CREATE", "APPROVE", "START", "DONE", "REOPEN"),
                items.stream().map(e -> e.get("action")).toList());
        assertEquals(
                List.of("analyst", "manager", "admin", "manager", "analyst"),
                items.stream().map(e -> e.get("actor")).toList());
        assertEquals("IN_PROGRESS", items.get(3).get("fromStatus"));
        assertEquals("DONE", items.get(3).get("toStatus"));
        assertEquals(doneAt.toString(), ((Map<?, ?>) items.get(3).get("details")).get("doneAt"));
        Map<?, ?> reopen = (Map<?, ?>) items.get(4).get("details");
        assertEquals("The fix did not hold", reopen.get("reason"));
        assertEquals(doneAt.toString(), reopen.get("previousDoneAt"));
        assertTrue(items.stream().allMatch(e -> e.get("at") != null));
        assertNull(read("manager", id).jsonPath().get("doneAt"), "a reopened action is not done");
    }

    @Test
    void doneIsPublishedOnceOnVocActionsWithItsDoneAt() throws Exception {
        String id = create("analyst", """
                {"title": "Courier SLA", "ownerTeam": "%s", "touchpointKeys": ["%s"],
                 "expectedEffect": {"metric": "csat", "target": 4.2}}""".formatted(fixture.team, fixture.touchpoint));
        bringTo(id, ActionStatus.IN_PROGRESS);
        Instant doneAt = Instant.parse("2026-11-23T07:30:00Z");
        Response future = act("manager", id, "done", "{\"doneAt\": \"2999-01-01T00:00:00Z\"}", etag(id));
        assertEquals(400, future.statusCode(), future.asString());
        assertEquals("doneAt", future.jsonPath().getString("errors[0].field"));
        done("manager", id, "done", "{\"doneAt\": \"" + doneAt + "\"}");
        try (TopicReader reader = new TopicReader(Topics.ACTIONS)) {
            List<TopicReader.Event> events = reader.awaitAll(e -> id.equals(e.key()), 1, Duration.ofSeconds(60));
            assertEquals(1, events.size(), "one ActionDone: " + events);
            assertEquals("voc.action.done.v1", events.get(0).headers().get("ce_type"));
            JsonNode done = JSON.readTree(events.get(0).value());
            assertEquals(id, done.path("actionId").asText());
            assertEquals("Courier SLA", done.path("title").asText());
            assertEquals(fixture.team, done.path("ownerTeam").asText());
            assertEquals(fixture.touchpoint, done.path("touchpointKeys").get(0).asText());
            assertEquals("csat", done.path("metric").asText());
            assertEquals(4.2, done.path("target").asDouble());
            assertEquals(doneAt, Instant.parse(done.path("doneAt").asText()));
            assertEquals(28, done.path("windowDays").asInt());
            assertEquals(30, done.path("minSample").asInt());
        }
    }

    @Test
    void anImprovedVerdictIsShownAndAllowsVerified() {
        String id = create("analyst", write("Improved", fixture.touchpoint));
        Instant doneAt = doneAction(id);
        Response pending = act("manager", id, "verify", null, etag(id));
        assertEquals(409, pending.statusCode(), pending.asString());
        assertEquals("urn:voc:problem:verdict-pending", pending.jsonPath().getString("type"));

        // A verdict about another doneAt (before a reopening) is stale: it is never shown.
        fixture.events.publish(verdict(id, doneAt.minus(3, ChronoUnit.DAYS), "WORSE", 1), "stale-" + id);
        ActionImpactAssessed improved = verdict(id, doneAt, "IMPROVED", 2);
        String ceId = UUID.randomUUID().toString();
        fixture.events.publish(improved, ceId);
        fixture.events.publish(improved, ceId);
        JsonPath shown = awaitVerdict(id);
        assertEquals("IMPROVED", shown.getString("verdict.verdict"));
        assertEquals(412, shown.getLong("verdict.beforeN"));
        assertEquals(-12.5, shown.getDouble("verdict.beforeValue"));
        assertEquals(398, shown.getLong("verdict.afterN"));
        assertEquals(9.75, shown.getDouble("verdict.afterValue"));
        assertEquals(22.25, shown.getDouble("verdict.difference"));
        assertEquals(0.0004, shown.getDouble("verdict.pValue"));
        assertEquals(Boolean.TRUE, shown.get("verdict.targetMet"));
        assertEquals(Boolean.FALSE, shown.get("verdict.insufficientSample"));
        assertEquals(improved.assessedAt(), Instant.parse(shown.getString("verdict.assessedAt")));
        assertEquals(doneAt, Instant.parse(shown.getString("verdict.doneAt")));

        Response verified = done("manager", id, "verify", null);
        assertEquals("VERIFIED", verified.jsonPath().getString("status"));
        List<Map<String, Object>> history = history(id);
        assertEquals(
                1,
                history.stream().filter(e -> "VERDICT".equals(e.get("action"))).count(),
                "the stale verdict and the redelivery change nothing");
        Map<String, Object> verify = history.get(history.size() - 1);
        assertEquals("VERIFY", verify.get("action"));
        assertEquals("IMPROVED", ((Map<?, ?>) verify.get("details")).get("verdict"));
    }

    @Test
    void verifiedIsPublishedWithTheLinkedCasesCustomersForTheAnnouncement() throws Exception {
        String id = create("analyst", write("Announced", fixture.touchpoint));
        List<String> cases = fixture.open(2);
        done("manager", id, "cases", "{\"caseIds\": [\"" + cases.get(0) + "\", \"" + cases.get(1) + "\"]}");
        List<String> customers = new ArrayList<>();
        for (String caseId : cases) {
            customers.add(as("manager").get("/api/cases/" + caseId).jsonPath().getString("customerRef"));
        }
        Instant doneAt = doneAction(id);
        fixture.events.publish(
                verdict(id, doneAt, "IMPROVED", 1), UUID.randomUUID().toString());
        awaitVerdict(id);
        try (TopicReader reader = new TopicReader(Topics.ACTIONS)) {
            done("manager", id, "verify", null);
            List<TopicReader.Event> events = reader.awaitAll(
                    e -> id.equals(e.key())
                            && "voc.action.verified.v1".equals(e.headers().get("ce_type")),
                    1,
                    Duration.ofSeconds(60));
            assertEquals(1, events.size(), "one part: " + events);
            JsonNode verified = JSON.readTree(events.get(0).value());
            assertEquals("Announced", verified.path("title").asText());
            assertEquals(
                    fixture.touchpoint, verified.path("touchpointKeys").get(0).asText());
            List<String> published = new ArrayList<>();
            verified.path("customerRefs").forEach(c -> published.add(c.asText()));
            assertEquals(new java.util.TreeSet<>(customers), new java.util.TreeSet<>(published));
            assertEquals(1, verified.path("part").asInt());
            assertEquals(1, verified.path("parts").asInt());
        }
    }

    /**
     * Recurrence: four detractors answered on 2026-11-25 at a touchpoint of its own, two of their cases resolved with
     * the action's cause; the action went live at the start of the next day, windows of one day: before, 2 cases of 4
     * responses (500 per 1,000); after, nothing yet.
     */
    @Test
    void recurrenceCountsTheCausesCasesPerThousandResponsesInBothWindows() {
        WorkFixture own = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of());
        try (own) {
            String cause = CauseFixture.created(CauseFixture.code("RECUR"), "Courier late", null);
            List<String> cases = own.open(4);
            for (String caseId : cases.subList(0, 2)) {
                WorkFixture.done("manager", caseId, "claim", null);
                WorkFixture.done("manager", caseId, "contact", WorkFixture.CONTACT);
                WorkFixture.done(
                        "manager", caseId, "resolve", "{\"code\": \"FIXED\", \"rootCauses\": [\"" + cause + "\"]}");
            }
            String id = create(
                    "analyst",
                    "{\"title\": \"Recurrence\", \"ownerTeam\": \"%s\", \"touchpointKeys\": [\"%s\"],"
                                    .formatted(own.team, own.touchpoint)
                            + " \"rootCauseIds\": [\"" + cause + "\"], \"impactWindowDays\": 1}");
            assertNull(read("analyst", id).jsonPath().get("recurrence"), "not before DONE");
            bringTo(id, ActionStatus.IN_PROGRESS);
            done("manager", id, "done", "{\"doneAt\": \"2026-11-26T00:00:00Z\"}");
            JsonPath recurrence = read("analyst", id).jsonPath().setRootPath("recurrence");
            assertEquals("2026-11-25T00:00:00Z", recurrence.getString("before.from"));
            assertEquals("2026-11-26T00:00:00Z", recurrence.getString("before.to"));
            assertEquals(2, recurrence.getInt("before.cases"));
            assertEquals(4, recurrence.getInt("before.responses"));
            assertEquals(500.0, recurrence.getDouble("before.perThousand"), 1e-9);
            assertEquals("2026-11-27T00:00:00Z", recurrence.getString("after.to"));
            assertEquals(0, recurrence.getInt("after.cases"));
            assertEquals(0, recurrence.getInt("after.responses"));
            assertNull(recurrence.get("after.perThousand"));
            assertNull(
                    as("analyst")
                            .queryParam("touchpoint", own.touchpoint)
                            .get("/api/improvement-actions")
                            .jsonPath()
                            .get("items[0].recurrence"),
                    "lists leave it out");
        }
    }

    @Test
    void verifiedWithoutImprovedNeedsAnOverrideThatIsRecorded() {
        String id = create("analyst", write("Not improved", fixture.touchpoint));
        Instant doneAt = doneAction(id);
        fixture.events.publish(
                verdict(id, doneAt, "NO_SIGNIFICANT_CHANGE", 1),
                UUID.randomUUID().toString());
        assertEquals("NO_SIGNIFICANT_CHANGE", awaitVerdict(id).getString("verdict.verdict"));
        Response refused = act("manager", id, "verify", "{}", etag(id));
        assertEquals(409, refused.statusCode(), refused.asString());
        assertEquals("urn:voc:problem:verdict-not-improved", refused.jsonPath().getString("type"));
        assertTrue(refused.jsonPath().getString("detail").contains("NO_SIGNIFICANT_CHANGE"));
        Response blank = act("manager", id, "verify", "{\"overrideReason\": \" \"}", etag(id));
        assertEquals(400, blank.statusCode(), blank.asString());
        assertEquals("overrideReason", blank.jsonPath().getString("errors[0].field"));

        Response verified = done("analyst", id, "verify", OVERRIDE);
        assertEquals("VERIFIED", verified.jsonPath().getString("status"));
        List<Map<String, Object>> history = history(id);
        Map<String, Object> verify = history.get(history.size() - 1);
        assertEquals("analyst", verify.get("actor"));
        Map<?, ?> details = (Map<?, ?>) verify.get("details");
        assertEquals(Boolean.TRUE, details.get("override"));
        assertEquals("Complaints stopped; too few responses", details.get("reason"));
        assertEquals("NO_SIGNIFICANT_CHANGE", details.get("verdict"));
    }

    @Test
    void aVerdictThatCanNeverBeAppliedGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        // No verdict, no windows: invalid against the contract, so it can never be applied.
        fixture.events.send(
                Topics.IMPACT,
                null,
                key,
                ActionImpactAssessed.TYPE.type(),
                "{\"actionId\": \"" + key + "\"}",
                UUID.randomUUID().toString());
        try (TopicReader reader = new TopicReader(Topics.IMPACT + ".dlq")) {
            List<TopicReader.Event> dead = reader.awaitMatching(e -> key.equals(e.key()), Duration.ofSeconds(60));
            assertEquals(1, dead.size(), "dead-lettered once: " + dead);
            assertEquals(Topics.IMPACT, dead.get(0).headers().get("dlq-topic"));
        }
    }

    @Test
    void anAgentProposesAnActionFromACaseOfTheirTeam() {
        String caseId = fixture.openOne();
        Response proposed = as("agent")
                .body("{\"title\": \"Courier SLA\", \"description\": \"Cards arrive late\"}")
                .post("/api/cases/" + caseId + "/improvement-actions");
        assertEquals(201, proposed.statusCode(), proposed.asString());
        JsonPath action = proposed.jsonPath();
        String id = action.getString("id");
        assertEquals("PROPOSED", action.getString("status"));
        assertEquals(fixture.team, action.getString("ownerTeam"));
        assertEquals(List.of(fixture.touchpoint), action.getList("touchpointKeys"));
        assertEquals("nps", action.getString("expectedEffect.metric"));
        assertEquals(1, action.getInt("linkedCases"));
        assertEquals(1, action.getInt("detractorCases"));
        assertEquals(100, action.getInt("suggestedPriority"));
        assertEquals("\"0\"", proposed.header("ETag"));
        assertEquals("PROPOSE", history(id).get(0).get("action"));
        List<Map<String, Object>> cases = as("agent")
                .get("/api/improvement-actions/" + id + "/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, cases.size());
        assertEquals(caseId, ((Map<?, ?>) cases.get(0).get("linkedCase")).get("id"));

        // Another team's case is out of the agent's scope, as for reading it.
        WorkFixture other = new WorkFixture(teams, touchpoints, List.of("manager"), List.of());
        try {
            String foreign = other.openOne();
            Response refused = as("agent")
                    .body("{\"title\": \"Not mine\"}")
                    .post("/api/cases/" + foreign + "/improvement-actions");
            assertEquals(404, refused.statusCode(), refused.asString());
            String mixed = create("manager", write("Mixed links", fixture.touchpoint));
            done("manager", mixed, "cases", "{\"caseIds\": [\"" + caseId + "\", \"" + foreign + "\"]}");
            assertEquals(2, read("agent", mixed).jsonPath().getInt("linkedCases"));
            List<Map<String, Object>> seen = as("agent")
                    .get("/api/improvement-actions/" + mixed + "/cases")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items");
            assertEquals(
                    List.of(caseId),
                    seen.stream()
                            .map(c -> ((Map<?, ?>) c.get("linkedCase")).get("id"))
                            .toList(),
                    "an agent sees only their own teams' cases");
        } finally {
            other.close();
        }
    }

    @Test
    void linkedDetractorsRankTheActionsAndFiltersNarrowTheList() {
        String touchpoint = fixture.touchpoint;
        List<String> cases = fixture.open(3);
        String rootCause = CauseFixture.created(CauseFixture.code("ACTION"), "Courier late", null);
        String body = "{\"title\": \"Two\", \"ownerTeam\": \"%s\", \"touchpointKeys\": [\"%s\"],"
                + " \"rootCauseIds\": [\"%s\"]}";
        Response unknownCause = as("analyst")
                .body(body.formatted(fixture.team, touchpoint, UUID.randomUUID()))
                .post("/api/improvement-actions");
        assertEquals(400, unknownCause.statusCode(), unknownCause.asString());
        assertEquals("rootCauseIds", unknownCause.jsonPath().getString("errors[0].field"));
        String two = create("analyst", body.formatted(fixture.team, touchpoint, rootCause));
        String one = create("analyst", write("One", touchpoint));
        String none = create("analyst", write("None", touchpoint));
        done("manager", two, "cases", "{\"caseIds\": [\"" + cases.get(0) + "\", \"" + cases.get(1) + "\"]}");
        // Linking a case again changes nothing; a case may be linked to several actions.
        done("manager", two, "cases", "{\"caseIds\": [\"" + cases.get(0) + "\"]}");
        done("manager", one, "cases", "{\"caseIds\": [\"" + cases.get(2) + "\", \"" + cases.get(0) + "\"]}");
        Response unlinked = as("manager")
                .header("If-Match", etag(one))
                .delete("/api/improvement-actions/" + one + "/cases/" + cases.get(0));
        assertEquals(200, unlinked.statusCode(), unlinked.asString());
        assertEquals(2, read("manager", two).jsonPath().getInt("linkedCases"));
        assertEquals(200, read("manager", two).jsonPath().getInt("suggestedPriority"));
        assertEquals(100, read("manager", one).jsonPath().getInt("suggestedPriority"));

        List<String> ranked = ids(Map.of("touchpoint", touchpoint, "sort", "priority", "limit", 500));
        assertTrue(ranked.indexOf(two) < ranked.indexOf(one) && ranked.indexOf(one) < ranked.indexOf(none), "ranked");
        // Keyset pages of one item follow the same order.
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = as("agent")
                    .queryParam("touchpoint", touchpoint)
                    .queryParam("sort", "priority")
                    .queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/improvement-actions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            paged.addAll(page.getList("items.id"));
            after = page.getString("nextCursor");
        } while (after != null);
        assertEquals(ranked, paged);

        assertEquals(List.of(two), ids(Map.of("rootCause", rootCause)));
        assertEquals(List.of(two), ids(Map.of("team", fixture.team, "touchpoint", touchpoint)));
        done("manager", one, "approve", null);
        assertEquals(List.of(one), ids(Map.of("touchpoint", touchpoint, "status", "APPROVED")));
        Response unknownCase = act("manager", none, "cases", "{\"caseIds\": [\"" + UUID.randomUUID() + "\"]}", "\"0\"");
        assertEquals(400, unknownCase.statusCode(), unknownCase.asString());
        assertEquals("caseIds", unknownCase.jsonPath().getString("errors[0].field"));
    }

    @Test
    void rolesDecideWhoWritesAndWhoReads() {
        String body = write("Roles", fixture.touchpoint);
        for (String writer : List.of("admin", "analyst", "manager")) {
            assertEquals(
                    201, as(writer).body(body).post("/api/improvement-actions").statusCode(), writer);
        }
        String id = create("manager", body);
        assertEquals(
                403, as("agent").body(body).post("/api/improvement-actions").statusCode());
        assertEquals(403, act("agent", id, "approve", null, "\"0\"").statusCode());
        assertEquals(403, as("designer").get("/api/improvement-actions/" + id).statusCode());
        assertEquals(200, as("agent").get("/api/improvement-actions/" + id).statusCode());
        assertEquals(
                401, io.restassured.RestAssured.get("/api/improvement-actions").statusCode());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"touchpointKeys\": [\"tp-a\"]}|title|no title",
                "{\"title\": \"T\", \"touchpointKeys\": []}|touchpointKeys|no touchpoint",
                "{\"title\": \"T\", \"touchpointKeys\": [\"Not A Slug\"]}|touchpointKeys|bad touchpoint key",
                "{\"title\": \"T\", \"touchpointKeys\": [\"tp-a\"], \"expectedEffect\": {\"metric\": \"rating\"}}"
                        + "|expectedEffect.question|rating without question",
                "{\"title\": \"T\", \"touchpointKeys\": [\"tp-a\"], \"expectedEffect\": {\"metric\": \"mood\"}}"
                        + "|expectedEffect.metric|unknown metric",
                "{\"title\": \"T\", \"touchpointKeys\": [\"tp-a\"], \"impactWindowDays\": 400}"
                        + "|impactWindowDays|window too long",
                "{\"title\": \"T\", \"touchpointKeys\": [\"tp-a\"], \"minSample\": 0}|minSample|no sample",
                "{\"title\": \"T\", \"touchpointKeys\": [\"tp-a\"], \"dueDate\": \"tomorrow\"}|dueDate|bad date"
            })
    void badBodiesAre400ProblemsNamingTheField(String body, String field, String what) {
        Response response = as("analyst").body(body).post("/api/improvement-actions");
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.asString().contains(field), field + " in " + response.asString());
    }

    // --- helpers

    private static ActionImpactAssessed verdict(String id, Instant doneAt, String verdict, int minutesLater) {
        Instant assessedAt = doneAt.plus(28, ChronoUnit.DAYS).plus(minutesLater, ChronoUnit.MINUTES);
        return new ActionImpactAssessed(
                UUID.fromString(id),
                doneAt,
                "nps",
                null,
                List.of(fixture.touchpoint),
                new ActionImpactAssessed.Window(doneAt.minus(28, ChronoUnit.DAYS), doneAt, 412, -12.5, -20.0, -5.0),
                new ActionImpactAssessed.Window(doneAt, doneAt.plus(28, ChronoUnit.DAYS), 398, 9.75, 2.0, 17.5),
                22.25,
                0.0004,
                0.05,
                false,
                ActionImpactAssessed.Verdict.valueOf(verdict),
                true,
                assessedAt);
    }

    private static Instant doneAction(String id) {
        bringTo(id, ActionStatus.IN_PROGRESS);
        Instant doneAt = Instant.parse("2026-10-01T06:00:00Z");
        done("manager", id, "done", "{\"doneAt\": \"" + doneAt + "\"}");
        return doneAt;
    }

    private static JsonPath awaitVerdict(String id) {
        return Awaitility.await("the verdict is shown")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> read("agent", id).jsonPath(), p -> p.get("verdict") != null);
    }

    private static String write(String title, String touchpoint) {
        return "{\"title\": \"" + title + "\", \"touchpointKeys\": [\"" + touchpoint + "\"]}";
    }

    private static RequestSpecification as(String user) {
        return Cases.as(user).contentType(ContentType.JSON);
    }

    private static String create(String user, String body) {
        Response response = as(user).body(body).post("/api/improvement-actions");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals("\"0\"", response.header("ETag"));
        return response.jsonPath().getString("id");
    }

    private static Response read(String user, String id) {
        Response response = as(user).get("/api/improvement-actions/" + id);
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    private static String etag(String id) {
        return read("manager", id).header("ETag");
    }

    private static Response act(String user, String id, String step, String body, String ifMatch) {
        RequestSpecification request = as(user);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/improvement-actions/" + id + "/" + step);
    }

    private static Response done(String user, String id, String step, String body) {
        Response response = act(user, id, step, body, etag(id));
        assertEquals(200, response.statusCode(), step + ": " + response.asString());
        return response;
    }

    private static List<Map<String, Object>> history(String id) {
        return as("manager")
                .get("/api/improvement-actions/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static List<String> ids(Map<String, ?> query) {
        return as("manager")
                .queryParams(query)
                .get("/api/improvement-actions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    /** Brings a new (PROPOSED) action to {@code status} by legal steps (VERIFIED by override). */
    private static void bringTo(String id, ActionStatus status) {
        List<String> path = switch (status) {
            case PROPOSED -> List.of();
            case APPROVED -> List.of("approve");
            case IN_PROGRESS -> List.of("approve", "start");
            case DONE -> List.of("approve", "start", "done");
            case VERIFIED -> List.of("approve", "start", "done", "verify");
            case REJECTED -> List.of("reject");
        };
        for (String step : path) {
            done("manager", id, step, step.equals("verify") ? OVERRIDE : null);
        }
    }

    private static Response step(ActionStep step, String id) {
        if (step == ActionStep.UPDATE) {
            return as("manager")
                    .header("If-Match", etag(id))
                    .body(write("Updated", fixture.touchpoint))
                    .put("/api/improvement-actions/" + id);
        }
        String body = switch (step) {
            case VERIFY -> OVERRIDE;
            case REOPEN, REJECT -> REASON;
            default -> null;
        };
        return act("manager", id, step.name().toLowerCase(java.util.Locale.ROOT), body, etag(id));
    }
}
