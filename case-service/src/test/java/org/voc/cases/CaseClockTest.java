package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.cases.WorkFixture.CONTACT;
import static org.voc.cases.WorkFixture.done;
import static org.voc.cases.WorkFixture.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.ResponseSubmitted;

/**
 * Business-hours due times and the clock stopping while a case waits on the customer, with the service's clock set
 * to the moments that matter (TestClock) and a 9–18 Europe/Berlin team replicated from voc.teams; and the events
 * each change publishes on voc.cases, read back from the broker.
 */
@QuarkusTest
class CaseClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCaseOpenedOnFridayEveningIsDueOnMondayInTheTeamsHours() {
        try (WorkFixture team = new WorkFixture(teams, touchpoints, List.of("agent"), List.of());
                RuleFixture rules = new RuleFixture()) {
            rules.create(
                    "Four hours " + team.touchpoint,
                    "{\"nps\": {\"atMost\": 6}, \"touchpoints\": [\"" + team.touchpoint + "\"]}",
                    "HIGH",
                    "PT4H",
                    "PT8H",
                    null);
            clock.set(berlin("2026-12-04T17:55"));
            Map<String, Object> opened = openAndAwait(team);

            assertEquals(berlin("2026-12-04T17:55").toString(), opened.get("openedAt"));
            assertEquals(berlin("2026-12-07T12:55").toString(), opened.get("firstContactDueAt"));
            assertEquals(berlin("2026-12-07T12:55").toString(), opened.get("dueAt"), "dueAt is the first contact's");
            assertEquals(berlin("2026-12-07T16:55").toString(), opened.get("resolutionDueAt"));
        }
    }

    @Test
    void aCaseRoutedLaterGetsItsTeamsDueTimesCountedFromItsOpening() {
        try (WorkFixture team = new WorkFixture(teams, touchpoints, List.of("agent"), List.of());
                CaseEvents events = new CaseEvents()) {
            String unknown = "tp-late-" + Events.unique();
            clock.set(berlin("2026-12-04T17:55"));
            ResponseSubmitted response = Events.response(unknown, 2, null);
            team.events.publish(response, null);
            Map<String, Object> unrouted = Cases.awaitCaseOf(unknown, response.responseId(), "the case opens");
            // No team yet: wall-clock time, with the default strong-detractor rule's PT24H.
            assertEquals(berlin("2026-12-05T17:55").toString(), unrouted.get("firstContactDueAt"));
            clock.reset();

            team.events.publish(Events.touchpoint(UUID.randomUUID(), unknown, team.team, 0), null);
            Map<String, Object> routed = Cases.awaitList(
                            Map.of("touchpoint", unknown),
                            items -> items.size() == 1
                                    && team.team.equals(items.get(0).get("team")),
                            "the case is routed")
                    .get(0);
            // PT24H of business time from Friday 17:55: 5 minutes, 9 h on Monday and Tuesday, 5:55 on Wednesday.
            assertEquals(berlin("2026-12-09T14:55").toString(), routed.get("firstContactDueAt"));

            // The opened event named no team; the routed event tells the owner team, with its due times.
            List<CaseEvents.Received> published = events.of((String) unrouted.get("id"), 2);
            assertEquals("voc.case.opened.v1", published.get(0).type());
            assertTrue(published.get(0).payload().get("team").isNull());
            assertEquals("voc.case.routed.v1", published.get(1).type());
            JsonNode routedEvent = published.get(1).payload();
            assertEquals(team.team, routedEvent.get("team").asText());
            assertEquals(unknown, routedEvent.get("touchpointKey").asText());
            assertEquals(
                    berlin("2026-12-09T14:55"),
                    Instant.parse(routedEvent.get("firstContactDueAt").asText()));
        }
    }

    @Test
    void waitingOnTheCustomerStopsTheClock() {
        try (WorkFixture team = new WorkFixture(teams, touchpoints, List.of("agent"), List.of());
                RuleFixture rules = new RuleFixture();
                CaseEvents events = new CaseEvents()) {
            rules.create(
                    "Eight hours " + team.touchpoint,
                    "{\"nps\": {\"atMost\": 6}, \"touchpoints\": [\"" + team.touchpoint + "\"]}",
                    "HIGH",
                    "PT1H",
                    "PT8H",
                    null);
            clock.set(berlin("2026-12-07T10:00"));
            String id = (String) openAndAwait(team).get("id");
            done("agent", id, "claim", null);
            clock.set(berlin("2026-12-07T10:30"));
            Response contacted = done("agent", id, "contact", CONTACT);
            assertEquals(1800, contacted.jsonPath().getLong("firstContactBusinessSeconds"));
            assertEquals(
                    berlin("2026-12-07T18:00").toString(), contacted.jsonPath().getString("resolutionDueAt"));

            clock.set(berlin("2026-12-07T11:00"));
            Response waiting = done("agent", id, "wait", null);
            assertEquals("WAITING_ON_CUSTOMER", waiting.jsonPath().getString("status"));
            assertNull(waiting.jsonPath().getString("resolutionDueAt"), "no due time while the clock stands");

            clock.set(berlin("2026-12-07T14:00"));
            Response resumed = done("agent", id, "resume", null);
            // 1 h counted before the wait; 7 h left from 14:00: 4 h on Monday, 3 h on Tuesday.
            assertEquals(
                    berlin("2026-12-08T12:00").toString(), resumed.jsonPath().getString("resolutionDueAt"));

            clock.set(berlin("2026-12-07T15:00"));
            Response resolved = done("agent", id, "resolve", WorkFixture.RESOLVE);
            assertEquals(7200, resolved.jsonPath().getLong("resolutionBusinessSeconds"), "5 h less the 3 h wait");
            clock.set(berlin("2026-12-07T15:10"));
            done("agent", id, "close", null);
            done("agent", id, "reopen", WorkFixture.REOPEN);

            List<CaseEvents.Received> published = events.of(id, 6);
            assertEquals(
                    List.of(
                            "voc.case.opened.v1",
                            "voc.case.assigned.v1",
                            "voc.case.contacted.v1",
                            "voc.case.resolved.v1",
                            "voc.case.closed.v1",
                            "voc.case.reopened.v1"),
                    published.stream().map(CaseEvents.Received::type).toList());
            JsonNode contact = published.get(2).payload();
            assertEquals("PHONE", contact.get("channel").asText());
            assertEquals(1800, contact.get("firstContactBusinessSeconds").asLong());
            assertTrue(contact.get("withinSla").asBoolean());
            JsonNode resolution = published.get(3).payload();
            assertEquals(7200, resolution.get("resolutionBusinessSeconds").asLong());
            assertEquals("FEE_REFUND", resolution.get("gesture").get("type").asText());
            assertEquals(1, published.get(5).payload().get("reopenedCount").asInt());
            for (CaseEvents.Received event : published) {
                assertFalse(event.payload().toString().contains("note"), "no free text in " + event);
                assertFalse(event.payload().toString().contains("Called back"), "no free text in " + event);
            }
        }
    }

    @Test
    void theOpenedEventNamesTheTeamAndItsInformedTeams() {
        try (WorkFixture team = new WorkFixture(teams, touchpoints, List.of("agent"), List.of("cx-watch", "risk"));
                CaseEvents events = new CaseEvents()) {
            String id = team.openOne();
            done("agent", id, "claim", null);
            List<CaseEvents.Received> published = events.of(id, 2);
            JsonNode opened = published.get(0).payload();
            assertEquals("voc.case.opened.v1", published.get(0).type());
            assertEquals(id, opened.get("caseId").asText());
            assertEquals(team.team, opened.get("team").asText());
            assertEquals(
                    List.of("cx-watch", "risk"),
                    List.of(
                            opened.get("informedTeams").get(0).asText(),
                            opened.get("informedTeams").get(1).asText()));
            assertEquals(
                    read("agent", id).jsonPath().getString("firstContactDueAt"),
                    Instant.parse(opened.get("firstContactDueAt").asText()).toString());
            assertFalse(opened.has("customerRef"), "no customer in the event");
            JsonNode assigned = published.get(1).payload();
            assertEquals("voc.case.assigned.v1", published.get(1).type());
            assertEquals("agent", assigned.get("assignee").asText());
            assertEquals("CLAIM", assigned.get("how").asText());
            assertEquals("ASSIGNED", assigned.get("status").asText());
        }
    }

    private static Map<String, Object> openAndAwait(WorkFixture team) {
        ResponseSubmitted response = Events.response(team.touchpoint, 2, null);
        team.events.publish(response, null);
        return Cases.awaitCaseOf(team.touchpoint, response.responseId(), "the case opens");
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
