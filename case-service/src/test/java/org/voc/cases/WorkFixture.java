package org.voc.cases;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.ResponseSubmitted;
import org.voc.events.TeamState;
import org.voc.events.TouchpointState;

/**
 * A team (with members and 9–18 Berlin hours) owning a touchpoint, both replicated through voc.teams and
 * voc.touchpoints, and detractor responses on the touchpoint whose cases tests then work through the API.
 */
final class WorkFixture implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    final Events events = new Events();
    final String team;
    final String touchpoint;

    /** Publishes the team and its touchpoint (RACI informed: {@code informed}) and waits until both are replicated. */
    WorkFixture(
            TeamReplicaService teams,
            TouchpointReplicaRepository touchpoints,
            List<String> members,
            List<String> informed) {
        String run = Events.unique();
        team = "work-" + run;
        touchpoint = "tp-work-" + run;
        events.publish(
                new TeamState(
                        UUID.randomUUID(),
                        team,
                        "Team " + team,
                        null,
                        WEEKDAYS,
                        "09:00",
                        "18:00",
                        "Europe/Berlin",
                        0,
                        Events.RESPONDED_AT,
                        members,
                        List.of(),
                        List.of()),
                null);
        events.publish(
                new TouchpointState(
                        UUID.randomUUID(),
                        touchpoint,
                        "Touchpoint " + touchpoint,
                        "WEB",
                        "USAGE",
                        "DIRECT",
                        List.of("RETAIL"),
                        null,
                        team,
                        "ACTIVE",
                        0,
                        Events.RESPONDED_AT,
                        null,
                        new TouchpointState.Raci(List.of(), List.of(), List.of(), informed),
                        null,
                        null),
                null);
        await().atMost(TIMEOUT)
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> !teams.membersOf(team).isEmpty()
                                && team.equals(touchpoints
                                        .ownerTeams(List.of(touchpoint))
                                        .get(touchpoint))));
    }

    /** Opens {@code count} cases (NPS 2 detractors) and returns their ids once all are listed. */
    List<String> open(int count) {
        List<ResponseSubmitted> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ResponseSubmitted r = Events.response(touchpoint, 2, "late again");
            responses.add(r);
            events.publish(r, null);
        }
        List<Map<String, Object>> items = Cases.awaitList(
                Map.of("touchpoint", touchpoint),
                list -> responses.stream().allMatch(r -> Cases.byResponse(list, r.responseId()) != null),
                count + " cases are opened");
        return responses.stream()
                .map(r -> (String) Cases.byResponse(items, r.responseId()).get("id"))
                .toList();
    }

    String openOne() {
        return open(1).get(0);
    }

    static RequestSpecification as(String user) {
        return Cases.as(user).contentType(ContentType.JSON);
    }

    /** The case as {@code user} reads it. */
    static Response read(String user, String id) {
        Response response = as(user).get("/api/cases/" + id);
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    /** The case's current ETag, read as a manager. */
    static String etag(String id) {
        return read("manager", id).header("ETag");
    }

    /** POSTs an action with the case's current ETag; returns the answer. */
    static Response act(String user, String id, String action, String body) {
        return act(user, id, action, body, etag(id));
    }

    static Response act(String user, String id, String action, String body, String ifMatch) {
        RequestSpecification request = as(user);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/cases/" + id + "/" + action);
    }

    /** POSTs an action that must succeed; returns the changed case. */
    static Response done(String user, String id, String action, String body) {
        Response response = act(user, id, action, body);
        assertEquals(200, response.statusCode(), action + ": " + response.asString());
        return response;
    }

    static final String CONTACT = "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\", \"note\": \"Called back\"}";
    static final String RESOLVE = "{\"code\": \"REISSUED_CARD\", \"note\": \"Reissued\","
            + " \"gesture\": {\"type\": \"FEE_REFUND\", \"amount\": 15.5, \"currency\": \"EUR\"}}";
    static final String REOPEN = "{\"reason\": \"Not arrived either\"}";

    static String assign(String who) {
        return "{\"assignee\": \"" + who + "\"}";
    }

    @Override
    public void close() {
        events.close();
    }
}
