package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.cases.WorkFixture.CONTACT;
import static org.voc.cases.WorkFixture.REOPEN;
import static org.voc.cases.WorkFixture.RESOLVE;
import static org.voc.cases.WorkFixture.act;
import static org.voc.cases.WorkFixture.assign;
import static org.voc.cases.WorkFixture.done;
import static org.voc.cases.WorkFixture.read;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.cases.domain.CaseAction;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;

/**
 * Working a case through the API with real tokens, on cases opened from responses on the real broker: every
 * transition of the table, ETags, the two-agent race, round-robin, queues, history, and body validation.
 */
@QuarkusTest
class CaseWorkTest {

    /** The expected transitions, written out here independently of the service's table (docs/cases.md). */
    private static final Map<CaseAction, Map<CaseStatus, CaseStatus>> LEGAL = new EnumMap<>(CaseAction.class);

    static {
        Map<CaseStatus, CaseStatus> assignment = Map.of(
                CaseStatus.OPEN, CaseStatus.ASSIGNED,
                CaseStatus.ASSIGNED, CaseStatus.ASSIGNED,
                CaseStatus.IN_CONTACT, CaseStatus.IN_CONTACT,
                CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.WAITING_ON_CUSTOMER);
        LEGAL.put(CaseAction.ASSIGN, assignment);
        LEGAL.put(CaseAction.CLAIM, assignment);
        LEGAL.put(CaseAction.ROUND_ROBIN, assignment);
        LEGAL.put(CaseAction.CONTACT, Map.of(CaseStatus.ASSIGNED, CaseStatus.IN_CONTACT));
        LEGAL.put(CaseAction.WAIT, Map.of(CaseStatus.IN_CONTACT, CaseStatus.WAITING_ON_CUSTOMER));
        LEGAL.put(CaseAction.RESUME, Map.of(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.IN_CONTACT));
        LEGAL.put(CaseAction.RESOLVE, Map.of(CaseStatus.IN_CONTACT, CaseStatus.RESOLVED));
        LEGAL.put(CaseAction.CLOSE, Map.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));
        LEGAL.put(
                CaseAction.REOPEN,
                Map.of(CaseStatus.RESOLVED, CaseStatus.ASSIGNED, CaseStatus.CLOSED, CaseStatus.ASSIGNED));
        LEGAL.put(
                CaseAction.ROOT_CAUSES,
                Map.of(CaseStatus.RESOLVED, CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.CLOSED));
    }

    private static WorkFixture fixture;
    private static final Deque<String> POOL = new ConcurrentLinkedDeque<>();

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    /** One team and touchpoint for the class, and a case for every transition, opened at once. */
    @BeforeEach
    void setUp() {
        if (fixture == null) {
            fixture = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of("cx-watch"));
            POOL.addAll(fixture.open(CaseAction.values().length * CaseStatus.values().length + 12));
        }
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
        fixture = null;
    }

    static Stream<Arguments> everyActionFromEveryStatus() {
        List<Arguments> all = new ArrayList<>();
        for (CaseAction action : CaseAction.values()) {
            for (CaseStatus from : CaseStatus.values()) {
                all.add(Arguments.of(action, from));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyActionFromEveryStatus")
    void everyTransitionOfTheTableAndNoOther(CaseAction action, CaseStatus from) {
        String id = POOL.pop();
        bringTo(id, from);
        // Setting root causes replaces a list, so it is a PUT; every other action is a POST.
        Response response = action == CaseAction.ROOT_CAUSES
                ? WorkFixture.as("manager")
                        .header("If-Match", WorkFixture.etag(id))
                        .body("{\"rootCauses\": []}")
                        .put("/api/cases/" + id + "/root-causes")
                : act("manager", id, path(action), body(action));
        CaseStatus to = LEGAL.get(action).get(from);
        if (to == null) {
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals(
                    "urn:voc:problem:illegal-transition", response.jsonPath().getString("type"));
            String detail = response.jsonPath().getString("detail");
            assertTrue(detail.contains(from.name()) && detail.contains(action.name()), detail);
            assertEquals(from.name(), read("manager", id).jsonPath().getString("status"), "unchanged");
        } else {
            assertEquals(200, response.statusCode(), response.asString());
            assertEquals(to.name(), response.jsonPath().getString("status"));
            assertEquals(to.name(), read("manager", id).jsonPath().getString("status"));
        }
    }

    @Test
    void everyOperationOnACaseDocumentsItsNotFoundProblem() {
        Map<String, Map<String, Map<String, Object>>> paths = io.restassured.RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api/cases/{id}")) {
                methods.forEach((method, operation) -> {
                    operations.add(method + " " + path);
                    Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
                    Map<?, ?> notFound = (Map<?, ?>) responses.get("404");
                    assertNotNull(notFound, method + " " + path + " documents 404");
                    assertTrue(
                            ((Map<?, ?>) notFound.get("content")).containsKey("application/problem+json"),
                            method + " " + path + " answers 404 as a problem");
                    assertTrue(
                            responses.containsKey("200") || responses.containsKey("201"),
                            method + " " + path + " keeps its own success");
                });
            }
        });
        assertEquals(
                13,
                operations.size(),
                "the case, its history, the nine actions, its root causes and proposing an improvement action: "
                        + operations);
    }

    @Test
    void aChangeNeedsTheCurrentEtag() {
        String id = POOL.pop();
        Response read = read("agent", id);
        assertEquals("\"0\"", read.header("ETag"));
        assertEquals(0, read.jsonPath().getInt("version"));

        Response missing = act("agent", id, "claim", null, null);
        assertEquals(428, missing.statusCode(), missing.asString());
        Response stale = act("agent", id, "claim", null, "\"7\"");
        assertEquals(412, stale.statusCode(), stale.asString());
        assertEquals("urn:voc:problem:stale-revision", stale.jsonPath().getString("type"));

        Response claimed = act("agent", id, "claim", null, "\"0\"");
        assertEquals(200, claimed.statusCode(), claimed.asString());
        assertEquals("\"1\"", claimed.header("ETag"));
        assertEquals("agent", claimed.jsonPath().getString("assignee"));
        Response again = act("manager", id, "claim", null, "\"0\"");
        assertEquals(412, again.statusCode(), "the ETag the agent used is stale now");
    }

    @Test
    void ofTwoAgentsClaimingWithTheSameEtagExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = POOL.pop();
            String etag = WorkFixture.etag(id);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Response>> claims = new ArrayList<>();
                for (String agent : List.of("agent", "manager")) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return act(agent, id, "claim", null, etag);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> claim : claims) {
                    statuses.add(claim.get().statusCode());
                }
                statuses.sort(Integer::compareTo);
                assertEquals(List.of(200, 412), statuses);
            } finally {
                pool.shutdownNow();
            }
            List<Map<String, Object>> history =
                    read("manager", id + "/history").jsonPath().getList("items");
            assertEquals(
                    1,
                    history.stream()
                            .filter(h -> "CLAIM".equals(h.get("action")))
                            .count(),
                    "one claim: " + history);
            assertEquals(1, read("manager", id).jsonPath().getInt("version"));
        }
    }

    @Test
    void anAssigneeMustBeAMemberOfTheCasesTeam() {
        String id = POOL.pop();
        Response stranger = act("manager", id, "assign", assign("designer"));
        assertEquals(409, stranger.statusCode(), stranger.asString());
        assertEquals("urn:voc:problem:not-a-member", stranger.jsonPath().getString("type"));
        assertEquals("assignee", stranger.jsonPath().getString("errors[0].field"));
        Response analyst = act("analyst", id, "claim", null);
        assertEquals(403, analyst.statusCode(), "an analyst reads only");

        done("manager", id, "assign", assign("agent"));
        Response reassigned = done("agent", id, "assign", assign("manager"));
        assertEquals("manager", reassigned.jsonPath().getString("assignee"));
        assertEquals("ASSIGNED", reassigned.jsonPath().getString("status"));
    }

    @Test
    void historyRecordsWhoDidWhatWhen() {
        String id = POOL.pop();
        done("agent", id, "claim", null);
        done("agent", id, "contact", CONTACT);
        done("manager", id, "resolve", RESOLVE);
        List<Map<String, Object>> items =
                read("agent", id + "/history").jsonPath().getList("items");
        assertEquals(
                List.of("OPEN", "CLAIM", "CONTACT", "RESOLVE"),
                items.stream().map(h -> h.get("action")).toList());
        assertEquals(
                List.of("case-service", "agent", "agent", "manager"),
                items.stream().map(h -> h.get("actor")).toList());
        assertEquals("ASSIGNED", items.get(2).get("fromStatus"));
        assertEquals("IN_CONTACT", items.get(2).get("toStatus"));
        Map<?, ?> contact = (Map<?, ?>) items.get(2).get("details");
        assertEquals("PHONE", contact.get("channel"));
        assertEquals("REACHED", contact.get("outcome"));
        assertEquals("Called back", contact.get("note"), "the agent of the team sees the note in clear");
        Map<?, ?> resolution = (Map<?, ?>) items.get(3).get("details");
        assertEquals("REISSUED_CARD", resolution.get("code"));
        assertNotNull(items.get(3).get("at"));

        Response view = read("agent", id);
        assertEquals("REISSUED_CARD", view.jsonPath().getString("resolutionCode"));
        assertEquals("Reissued", view.jsonPath().getString("resolutionNote"));
        assertEquals("FEE_REFUND", view.jsonPath().getString("gesture.type"));
        assertEquals(15.5f, view.jsonPath().getFloat("gesture.amount"));
        assertEquals("EUR", view.jsonPath().getString("gesture.currency"));
        assertEquals(3, view.jsonPath().getInt("version"));
        assertNotNull(view.jsonPath().getString("firstContactAt"));
        assertNotNull(view.jsonPath().getString("resolvedAt"));
    }

    @Test
    void reopeningGoesBackToTheAssigneeAndCountsAgain() {
        String id = POOL.pop();
        bringTo(id, CaseStatus.CLOSED);
        Response reopened = done("manager", id, "reopen", REOPEN);
        assertEquals("ASSIGNED", reopened.jsonPath().getString("status"));
        assertEquals("manager", reopened.jsonPath().getString("assignee"));
        assertEquals(1, reopened.jsonPath().getInt("reopenedCount"));
        assertNull(reopened.jsonPath().getString("resolvedAt"));
        assertNull(reopened.jsonPath().getString("resolutionCode"));
        assertNull(reopened.jsonPath().getString("closedAt"));
        assertNotNull(reopened.jsonPath().getString("resolutionDueAt"));
        assertNotNull(reopened.jsonPath().getString("firstContactAt"), "the first contact stays made");
    }

    @Test
    void queuesShowMineMyTeamsAndTheUnassigned() {
        String mine = POOL.pop();
        String waiting = POOL.pop();
        done("agent", mine, "claim", null);
        String tp = fixture.touchpoint;
        assertEquals(List.of(mine), ids("agent", "mine", tp));
        assertTrue(ids("agent", "unassigned", tp).contains(waiting));
        assertTrue(!ids("agent", "unassigned", tp).contains(mine));
        assertTrue(ids("agent", "team", tp).containsAll(List.of(mine, waiting)));
        // Combined with a filter: only ASSIGNED cases of the agent's.
        List<Map<String, Object>> assigned =
                Cases.list("agent", Map.of("queue", "mine", "touchpoint", tp, "status", "ASSIGNED"));
        assertEquals(List.of(mine), assigned.stream().map(c -> c.get("id")).toList());
        Cases.as("agent")
                .queryParam("queue", "everything")
                .get("/api/cases")
                .then()
                .statusCode(400);
    }

    @Test
    void roundRobinHandsOutTurnsInTheMembersOrder() throws Exception {
        try (WorkFixture three = new WorkFixture(teams, touchpoints, List.of("rr-a", "rr-b", "rr-c"), List.of())) {
            List<String> ids = three.open(4);
            List<String> assignees = new ArrayList<>();
            for (String id : ids) {
                assignees.add(
                        done("manager", id, "round-robin", null).jsonPath().getString("assignee"));
            }
            assertEquals(List.of("rr-a", "rr-b", "rr-c", "rr-a"), assignees);
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "contact | {\"outcome\": \"REACHED\"} | channel",
                "contact | {\"channel\": \"PIGEON\", \"outcome\": \"REACHED\"} | channel",
                "resolve | {\"note\": \"x\"} | code",
                "resolve | {\"code\": \"has space\"} | code",
                "resolve | {\"code\": \"OK\", \"gesture\": {\"type\": \"REFUND\","
                        + " \"amount\": -1, \"currency\": \"EUR\"}}"
                        + " | gesture.amount",
                "resolve | {\"code\": \"OK\", \"gesture\": {\"type\": \"REFUND\","
                        + " \"amount\": 1.234, \"currency\": \"EUR\"}}"
                        + " | gesture.amount",
                "resolve | {\"code\": \"OK\", \"gesture\": {\"type\": \"REFUND\","
                        + " \"amount\": 1, \"currency\": \"eur\"}}"
                        + " | gesture.currency",
                "resolve | {\"code\": \"OK\", \"gesture\": {\"type\": \"REFUND\", \"amount\": 1}} | gesture.currency",
                "reopen | {} | reason",
                "assign | {\"assignee\": \"\"} | assignee",
            })
    void invalidBodiesAre400ProblemsNamingTheField(String action, String body, String field) {
        String id = POOL.peek();
        Response response = act("manager", id, action, body, "\"0\"");
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.asString().contains(field), field + " in " + response.asString());
    }

    @Test
    void aTooLongNoteIsRefused() {
        String note = "x".repeat(2001);
        Response response = act(
                "manager",
                POOL.peek(),
                "contact",
                "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"" + note + "\"}",
                "\"0\"");
        assertEquals(400, response.statusCode());
        assertTrue(response.asString().contains("note"));
    }

    private static List<Object> ids(String user, String queue, String touchpoint) {
        return Cases.list(user, Map.of("queue", queue, "touchpoint", touchpoint)).stream()
                .map(c -> c.get("id"))
                .toList();
    }

    /** Works a fresh (OPEN) case to {@code status} the shortest way, as the manager (a member of the team). */
    static void bringTo(String id, CaseStatus status) {
        List<String> steps = switch (status) {
            case OPEN -> List.of();
            case ASSIGNED -> List.of("claim");
            case IN_CONTACT -> List.of("claim", "contact");
            case WAITING_ON_CUSTOMER -> List.of("claim", "contact", "wait");
            case RESOLVED -> List.of("claim", "contact", "resolve");
            case CLOSED -> List.of("claim", "contact", "resolve", "close");
        };
        for (String step : steps) {
            done("manager", id, step, bodyOf(step));
        }
    }

    private static String path(CaseAction action) {
        return action.name().toLowerCase().replace('_', '-');
    }

    private static String body(CaseAction action) {
        return bodyOf(path(action));
    }

    private static String bodyOf(String step) {
        return switch (step) {
            case "assign" -> assign("agent");
            case "contact" -> CONTACT;
            case "resolve" -> RESOLVE;
            case "reopen" -> REOPEN;
            default -> null;
        };
    }
}
