package org.voc.cases;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;
import org.voc.events.TeamState;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * Team scoping of case agents (docs/security.md): an agent sees only the cases of the teams that name them in
 * voc.teams, another team's case is a 404 like an unknown one, and managers and admins see every case.
 */
@QuarkusTest
class CaseAccessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Events events;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    /** Two teams, A with the agent as member and B without, each owning a touchpoint with one detractor case. */
    private record World(String teamA, UUID teamAId, String teamB, UUID teamBId, String caseA, String caseB) {}

    private World world;

    @BeforeEach
    void twoTeamsWithACaseEach() {
        String run = Events.unique();
        World w = new World("team-a-" + run, UUID.randomUUID(), "team-b-" + run, UUID.randomUUID(), null, null);
        events.publish(Events.team(w.teamAId(), w.teamA(), 0, "agent", "someone.else"), null);
        events.publish(Events.team(w.teamBId(), w.teamB(), 0, "someone.else"), null);
        String caseA = openCase(w.teamA());
        String caseB = openCase(w.teamB());
        world = new World(w.teamA(), w.teamAId(), w.teamB(), w.teamBId(), caseA, caseB);
        awaitVisible("agent", caseA, "the agent's team membership is replicated");
    }

    @Test
    void anAgentSeesTheirTeamsCasesAndNotAnotherTeams() {
        Cases.as("agent")
                .get("/api/cases/" + world.caseA())
                .then()
                .statusCode(200)
                .body("team", equalTo(world.teamA()));
        // The same answer as for an id no case has: whether the case exists does not leak.
        Map<String, Object> hidden = Cases.as("agent")
                .get("/api/cases/" + world.caseB())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:not-found"))
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> unknown = Cases.as("agent")
                .get("/api/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(unknown.get("title"), hidden.get("title"));

        // Every list and filter stays within the agent's teams.
        List<String> all = ids(Cases.list("agent", Map.of()));
        assertTrue(all.contains(world.caseA()), "own team's case listed");
        assertTrue(!all.contains(world.caseB()), "other team's case not listed");
        assertEquals(List.of(), ids(Cases.list("agent", Map.of("team", world.teamB()))));
        assertEquals(List.of(world.caseA()), ids(Cases.list("agent", Map.of("team", world.teamA()))));
        assertEquals(
                List.of(), ids(Cases.list("agent", Map.of("touchpoint", "tp-" + world.teamB(), "status", "OPEN"))));
        for (Map<String, Object> item : Cases.list("agent", Map.of("unassigned", "false"))) {
            assertNotNull(item.get("team"));
        }
        assertEquals(List.of(), Cases.list("agent", Map.of("unassigned", "true")), "unrouted cases are no agent's");
    }

    @Test
    void managersAndAdminsSeeEveryTeamsCases() {
        for (String user : List.of("manager", "admin", "analyst")) {
            for (String id : List.of(world.caseA(), world.caseB())) {
                Cases.as(user).get("/api/cases/" + id).then().statusCode(200);
            }
            List<String> listed = ids(Cases.list(user, Map.of("touchpoint", "tp-" + world.teamB())));
            assertEquals(List.of(world.caseB()), listed, user);
        }
    }

    @Test
    void aMembershipChangeOverKafkaTakesEffect() {
        // B names the agent from its next revision on: B's case appears.
        events.publish(Events.team(world.teamBId(), world.teamB(), 1, "agent"), null);
        awaitVisible("agent", world.caseB(), "the agent joined team B");

        // A stale state of B (revision 0, without the agent) arrives late: the newer membership stays. A marker
        // state behind it on the same partition tells when it has been consumed.
        int partition = events.anyPartition(Topics.TEAMS);
        events.publish(Events.team(world.teamBId(), world.teamB(), 0, "someone.else"), partition);
        String marker = "team-m-" + Events.unique();
        events.publish(Events.team(UUID.randomUUID(), marker, 0, "agent"), partition);
        String markerCase = openCase(marker);
        awaitVisible("agent", markerCase, "the marker team is consumed");
        Cases.as("agent").get("/api/cases/" + world.caseB()).then().statusCode(200);

        // A's state without members (as published before teams had members) removes the agent from A.
        String withoutMembers = "{\"id\": \"" + world.teamAId() + "\", \"key\": \"" + world.teamA()
                + "\", \"name\": \"Team A\", \"workingDays\": [\"MONDAY\"], \"workStart\": \"08:00\","
                + " \"workEnd\": \"18:00\", \"timeZone\": \"UTC\", \"revision\": 1}";
        String teamAKey = world.teamAId().toString();
        events.send(
                Topics.TEAMS,
                null,
                teamAKey,
                TeamState.TYPE.type(),
                withoutMembers,
                UUID.randomUUID().toString());
        await("the agent left team A")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        Cases.as("agent").get("/api/cases/" + world.caseA()).statusCode() == 404);
        Cases.as("manager").get("/api/cases/" + world.caseA()).then().statusCode(200);
    }

    @Test
    void aTeamStateThatCanNeverBeAppliedIsDeadLettered() {
        String id = UUID.randomUUID().toString();
        String tooMany = String.join(", ", java.util.Collections.nCopies(TeamState.MAX_MEMBERS + 1, "\"x\""));
        events.send(
                Topics.TEAMS,
                null,
                id,
                TeamState.TYPE.type(),
                "{\"id\": \"" + id + "\", \"key\": \"crowd\", \"revision\": 0, \"members\": [" + tooMany + "]}",
                UUID.randomUUID().toString());
        try (TopicReader dlq = new TopicReader(Topics.TEAMS + ".dlq")) {
            List<TopicReader.Event> letters = dlq.awaitMatching(e -> id.equals(e.key()), TIMEOUT);
            assertEquals(1, letters.size(), "the team state is dead-lettered");
        }
    }

    /** Registers a touchpoint owned by the team and opens a detractor case on it; returns the case id. */
    private static String openCase(String team) {
        String touchpoint = "tp-" + team;
        events.publish(Events.touchpoint(UUID.randomUUID(), touchpoint, team, 0), null);
        ResponseSubmitted response = Events.response(touchpoint, 2, "Nobody called me back");
        events.publish(response, null);
        List<Map<String, Object>> routed = Cases.awaitList(
                Map.of("team", team),
                items -> Cases.byResponse(items, response.responseId()) != null,
                "the case of " + team + " is opened and routed");
        return (String) Cases.byResponse(routed, response.responseId()).get("id");
    }

    private static void awaitVisible(String user, String caseId, String what) {
        await(what)
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Cases.as(user).get("/api/cases/" + caseId).statusCode() == 200);
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(c -> (String) c.get("id")).toList();
    }
}
