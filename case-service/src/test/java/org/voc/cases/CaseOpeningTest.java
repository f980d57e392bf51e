package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.events.TouchpointState;
import org.voc.testsupport.TopicReader;

/** Responses and touchpoint states published on the real broker open, route and deduplicate cases. */
@QuarkusTest
class CaseOpeningTest {

    private static Events events;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void detractorsOpenOneCaseEachForTheOwnerTeam() {
        String key = "tp-" + Events.unique();
        String team = "team-" + Events.unique();
        events.publish(Events.touchpoint(UUID.randomUUID(), key, team, 0), null);

        ResponseSubmitted angry = Events.response(key, 3, "The card arrived a week late and nobody called");
        events.publish(angry, null);
        Map<String, Object> high = Cases.awaitCaseOf(key, angry.responseId(), "the NPS 3 response opened a case");
        // The touchpoint state may be consumed after the response: wait for the routing rather than assume it.
        Cases.awaitList(Map.of("team", team), items -> items.size() == 1, "the first case is routed to " + team);

        // Same partition: once the last response's case is visible, the non-detractors before it were consumed too.
        int partition = events.anyPartition(Topics.RESPONSES);
        events.publish(Events.response(key, 7, "fine"), partition);
        events.publish(Events.response(key, 9, null), partition);
        events.publish(Events.response(key, null, "skipped the score"), partition);
        ResponseSubmitted passive = Events.response(key, 5, null);
        events.publish(passive, partition);

        List<Map<String, Object>> cases = Cases.awaitList(
                Map.of("team", team),
                items -> Cases.byResponse(items, passive.responseId()) != null,
                "the NPS 5 response opened a case");
        assertEquals(2, cases.size(), "only the two detractors open cases: " + cases);
        Map<String, Object> normal = cases.get(0);
        assertEquals(passive.responseId().toString(), normal.get("responseId"), "newest first");
        assertEquals(angry.responseId().toString(), cases.get(1).get("responseId"));
        assertEquals(high.get("id"), cases.get(1).get("id"));

        Map<String, Object> first = cases.get(1);
        assertEquals("HIGH", first.get("priority"));
        assertEquals("OPEN", first.get("status"));
        assertEquals(team, first.get("team"));
        assertEquals(key, first.get("touchpointKey"));
        assertEquals(3, first.get("nps"));
        assertEquals("The card arrived a week late and nobody called", first.get("comment"));
        assertEquals(angry.customerRef(), first.get("customerRef"));
        assertEquals(angry.surveyId().toString(), first.get("surveyId"));
        assertEquals(Events.RESPONDED_AT, Instant.parse((String) first.get("respondedAt")));
        assertEquals(Duration.ofHours(24), Cases.dueIn(first));

        assertEquals("NORMAL", normal.get("priority"));
        assertEquals(5, normal.get("nps"));
        assertNull(normal.get("comment"));
        assertEquals(Duration.ofHours(72), Cases.dueIn(normal));
        assertTrue(!Instant.parse((String) normal.get("openedAt"))
                .isBefore(Instant.parse((String) first.get("openedAt"))));
    }

    @Test
    void aRedeliveredResponseOpensNoSecondCase() {
        String key = "tp-" + Events.unique();
        int partition = events.anyPartition(Topics.RESPONSES);
        ResponseSubmitted response = Events.response(key, 1, "never again");
        String ceId = UUID.randomUUID().toString();
        events.publish(response, partition, ceId);
        Map<String, Object> opened = Cases.awaitCaseOf(key, response.responseId(), "the response opened a case");

        events.publish(response, partition, ceId);
        events.publish(response, partition, ceId);
        ResponseSubmitted marker = Events.response(key, 2, null);
        events.publish(marker, partition);
        List<Map<String, Object>> cases = Cases.awaitList(
                Map.of("touchpoint", key),
                items -> Cases.byResponse(items, marker.responseId()) != null,
                "the later response opened a case");

        assertEquals(2, cases.size(), "the redelivered response still has one case: " + cases);
        assertEquals(opened, Cases.byResponse(cases, response.responseId()), "the first case is unchanged");
    }

    @Test
    void aKeyRegisteredAgainUnderANewIdRoutesToTheNewRegistration() {
        String key = "tp-" + Events.unique();
        String oldTeam = "team-old-" + Events.unique();
        String newTeam = "team-new-" + Events.unique();
        int partition = events.anyPartition(Topics.TOUCHPOINTS);
        events.publish(Events.touchpoint(UUID.randomUUID(), key, oldTeam, 5), partition);
        // The registry was rebuilt: the same key, a new id, its revisions counted from zero again.
        events.publish(Events.touchpoint(UUID.randomUUID(), key, newTeam, 0), partition);
        // A later touchpoint on the same partition: once it routes cases, both registrations were consumed.
        String markerKey = "tp-" + Events.unique();
        String markerTeam = "team-" + Events.unique();
        events.publish(Events.touchpoint(UUID.randomUUID(), markerKey, markerTeam, 0), partition);
        events.publish(Events.response(markerKey, 4, null), null);
        Cases.awaitList(Map.of("team", markerTeam), items -> items.size() == 1, "the marker touchpoint was consumed");
        ResponseSubmitted detractor = Events.response(key, 1, null);
        events.publish(detractor, null);

        List<Map<String, Object>> cases = Cases.awaitList(
                Map.of("touchpoint", key),
                items -> Cases.byResponse(items, detractor.responseId()) != null,
                "the consumer went on after the second registration and opened the case");
        assertEquals(newTeam, Cases.byResponse(cases, detractor.responseId()).get("team"));
    }

    @Test
    void anOlderTouchpointRevisionDoesNotOverwriteTheOwner() {
        String key = "tp-" + Events.unique();
        String newTeam = "team-" + Events.unique();
        UUID id = UUID.randomUUID();
        int partition = events.anyPartition(Topics.TOUCHPOINTS);
        events.publish(Events.touchpoint(id, key, newTeam, 2), partition);
        events.publish(Events.touchpoint(id, key, "team-old-" + Events.unique(), 1), partition);
        events.publish(Events.touchpoint(id, key, "team-replayed-" + Events.unique(), 2), partition);
        // A later touchpoint on the same partition: once it is routing cases, the stale states were consumed.
        String markerKey = "tp-" + Events.unique();
        String markerTeam = "team-" + Events.unique();
        events.publish(Events.touchpoint(UUID.randomUUID(), markerKey, markerTeam, 0), partition);
        ResponseSubmitted markerResponse = Events.response(markerKey, 4, null);
        events.publish(markerResponse, null);
        Cases.awaitList(Map.of("team", markerTeam), items -> items.size() == 1, "the marker touchpoint was consumed");

        ResponseSubmitted response = Events.response(key, 0, "awful");
        events.publish(response, null);
        Map<String, Object> opened = Cases.awaitCaseOf(key, response.responseId(), "the response opened a case");
        assertEquals(newTeam, opened.get("team"), "revision 2's owner is kept");
    }

    @Test
    void aCaseOpenedBeforeItsTouchpointIsKnownIsRoutedWhenTheTouchpointArrives() {
        String key = "tp-" + Events.unique();
        String team = "team-" + Events.unique();
        ResponseSubmitted response = Events.response(key, 6, "meh");
        events.publish(response, null);
        Map<String, Object> opened = Cases.awaitCaseOf(key, response.responseId(), "the response opened a case");
        assertNull(opened.get("team"), "no owner is known yet");
        assertEquals(
                1, Cases.list(Map.of("touchpoint", key, "unassigned", true)).size());

        events.publish(Events.touchpoint(UUID.randomUUID(), key, team, 0), null);
        List<Map<String, Object>> routed = Cases.awaitList(
                Map.of("team", team), items -> items.size() == 1, "the waiting case is routed to " + team);
        assertEquals(opened.get("id"), routed.get(0).get("id"));
        assertEquals(
                0, Cases.list(Map.of("touchpoint", key, "unassigned", true)).size());
    }

    @Test
    void malformedRecordsAreDeadLetteredAndCounted() {
        double rejectedBefore = rejected(Topics.RESPONSES);
        String key = "tp-" + Events.unique();
        String team = "team-" + Events.unique();

        int touchpointPartition = events.anyPartition(Topics.TOUCHPOINTS);
        String badState = UUID.randomUUID().toString();
        events.send(
                Topics.TOUCHPOINTS,
                touchpointPartition,
                badState,
                TouchpointState.TYPE.type(),
                "{\"id\": \"not-a-uuid\"",
                UUID.randomUUID().toString());
        events.publish(Events.touchpoint(UUID.randomUUID(), key, team, 0), touchpointPartition);

        int partition = events.anyPartition(Topics.RESPONSES);
        events.send(
                Topics.RESPONSES,
                partition,
                key + "-garbage",
                ResponseSubmitted.TYPE.type(),
                "this is not JSON",
                UUID.randomUUID().toString());
        events.send(
                Topics.RESPONSES,
                partition,
                key + "-no-id",
                ResponseSubmitted.TYPE.type(),
                "{\"touchpointKey\": \"" + key + "\", \"nps\": 2}",
                UUID.randomUUID().toString());
        events.send(
                Topics.RESPONSES,
                partition,
                key + "-out-of-range",
                ResponseSubmitted.TYPE.type(),
                "{\"responseId\": \"" + UUID.randomUUID() + "\", \"surveyId\": \"" + UUID.randomUUID()
                        + "\", \"touchpointKey\": \"" + key + "\", \"nps\": -1}",
                UUID.randomUUID().toString());
        ResponseSubmitted valid = Events.response(key, 2, null);
        events.publish(valid, partition);

        List<Map<String, Object>> cases = Cases.awaitList(
                Map.of("team", team),
                items -> Cases.byResponse(items, valid.responseId()) != null,
                "the valid response after the malformed ones opened a case, routed by the valid touchpoint state");
        assertEquals(1, cases.size(), "malformed responses open nothing: " + cases);
        assertTrue(rejected(Topics.RESPONSES) >= rejectedBefore + 3, "the skipped records are counted");

        try (TopicReader dlq = new TopicReader(Topics.RESPONSES + ".dlq")) {
            Map<String, String> reasons =
                    dlq.awaitAll(e -> e.key() != null && e.key().startsWith(key), 3, Duration.ofSeconds(30)).stream()
                            .collect(Collectors.toMap(
                                    TopicReader.Event::key, e -> e.headers().get("dlq-reason")));
            assertEquals(Set.of(key + "-garbage", key + "-no-id", key + "-out-of-range"), reasons.keySet());
            assertTrue(reasons.get(key + "-no-id").contains("responseId must not be null"), reasons.toString());
        }
        try (TopicReader dlq = new TopicReader(Topics.TOUCHPOINTS + ".dlq")) {
            assertEquals(
                    1,
                    dlq.awaitAll(e -> badState.equals(e.key()), 1, Duration.ofSeconds(30))
                            .size(),
                    "the unreadable touchpoint state is dead-lettered too");
        }
    }

    /** The voc.events.rejected counter of a topic, as Prometheus scrapes it. */
    private static double rejected(String topic) {
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile(
                        "^voc_events_rejected_total\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*} (\\S+)$",
                        Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
