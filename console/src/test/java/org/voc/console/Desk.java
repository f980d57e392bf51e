package org.voc.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.events.ResponseSubmitted;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.Tokens;

/**
 * A team whose member is the demo user {@code agent}, owning a touchpoint, both in the real touchpoint-registry, and
 * detractors' cases on it: answers published on the real broker as response-service publishes them, and opened by
 * the real case-service.
 */
final class Desk {

    // Registry → outbox → Kafka → case-service replica, on a loaded build machine: minutes are possible, not usual.
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String EVERY_DAY =
            "[\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"]";

    /** A team working around the clock (no SLA waits for opening hours), the demo user agent its member. */
    private static final String TEAM = """
            {"key": "%s", "name": "Team %s", "timeZone": "UTC", "members": ["agent"],
             "workingHours": {"days": %s, "start": "00:00", "end": "23:59"}}""";

    private static final String TOUCHPOINT = """
            {"key": "%s", "name": "Touchpoint %s", "channel": "WEB", "journeyStage": "USAGE",
             "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "%s"}""";

    final String team;
    final String touchpoint;

    private Desk(String team, String touchpoint) {
        this.team = team;
        this.touchpoint = touchpoint;
    }

    /**
     * A new team (members: {@code agent}) and its touchpoint, registered by a designer in the real
     * touchpoint-registry, which publishes them on voc.teams and voc.touchpoints for case-service to replicate.
     */
    static Desk create() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Desk desk = new Desk("console-" + run, "tp-console-" + run);
        registry()
                .body(TEAM.formatted(desk.team, desk.team, EVERY_DAY))
                .post("/api/teams")
                .then()
                .statusCode(201);
        registry()
                .body(TOUCHPOINT.formatted(desk.touchpoint, desk.touchpoint, desk.team))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        return desk;
    }

    private static io.restassured.specification.RequestSpecification registry() {
        return given().baseUri(ServiceProcesses.registryUrl())
                .auth()
                .oauth2(Tokens.user("designer"))
                .contentType(ContentType.JSON);
    }

    /** Opens a case for an NPS 2 detractor and waits until {@code agent} may work it; returns its id. */
    String openCase() {
        ResponseSubmitted response = detractor();
        String[] id = new String[1];
        await("case of " + touchpoint + " routed to " + team).atMost(TIMEOUT).until(() -> {
            List<Map<String, Object>> items = as("manager")
                    .queryParam("touchpoint", touchpoint)
                    .get("/api/cases")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            return items.stream()
                    .filter(c -> response.responseId().toString().equals(c.get("responseId")))
                    .filter(c -> team.equals(c.get("team")))
                    .findFirst()
                    .map(c -> id[0] = (String) c.get("id"))
                    .isPresent();
        });
        // The agent's membership is replicated from voc.teams: until then case-service hides the case from them.
        await("agent sees " + id[0])
                .atMost(TIMEOUT)
                .until(() -> as("agent").get("/api/cases/" + id[0]).statusCode() == 200);
        return id[0];
    }

    /** Publishes an NPS 2 answer on the desk's touchpoint, given now, as response-service publishes it. */
    ResponseSubmitted detractor() {
        ResponseSubmitted response = new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                touchpoint,
                "WEB",
                "cust-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now(),
                2,
                List.of(
                        new ResponseSubmitted.Answer("nps", "NPS", 2, null),
                        new ResponseSubmitted.Answer("why", "TEXT", null, "The card never came")));
        try (EventProducer events = new EventProducer()) {
            events.send(
                    ResponseSubmitted.TYPE.topic(),
                    null,
                    response.responseId().toString(),
                    ResponseSubmitted.TYPE.type(),
                    events.write(response),
                    UUID.randomUUID().toString());
        }
        return response;
    }

    /** An action through case-service's API, as another user would take it meanwhile. */
    static void act(String user, String id, String action, String body) {
        String etag = as(user).get("/api/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Response answer = as(user).header("If-Match", etag).body(body).post("/api/cases/" + id + "/" + action);
        answer.then().statusCode(200);
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().baseUri(ServiceProcesses.casesUrl())
                .auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON);
    }
}
