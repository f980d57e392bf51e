package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.cases.WorkFixture.CONTACT;
import static org.voc.cases.WorkFixture.act;
import static org.voc.cases.WorkFixture.assign;
import static org.voc.cases.WorkFixture.done;
import static org.voc.cases.WorkFixture.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;

/** Root causes on cases: given on resolving, shown, in the history and the event, set later, cleared on reopening. */
@QuarkusTest
class CaseRootCauseTest {

    private static WorkFixture fixture;
    private static String courier;
    private static String courierCode;
    private static String branch;
    private static String branchCode;

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    @BeforeEach
    void setUp() {
        if (fixture == null) {
            fixture = new WorkFixture(teams, touchpoints, List.of("agent", "manager"), List.of());
            courierCode = CauseFixture.code("COURIER");
            courier = CauseFixture.created(courierCode, "Courier late", null);
            branchCode = CauseFixture.code("QUEUE");
            branch = CauseFixture.created(branchCode, "Queue in branch", null);
        }
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
        fixture = null;
    }

    @Test
    void resolvingWithCausesShowsThemOnTheCaseInItsHistoryAndInTheEvent() {
        String id = inContact();
        try (CaseEvents events = new CaseEvents()) {
            Response resolved = done("agent", id, "resolve", resolve(branch, courier, branch));
            assertEquals(List.of(branchCode, courierCode), resolved.jsonPath().getList("rootCauses.code"));
            assertEquals(
                    List.of("Queue in branch", "Courier late"),
                    resolved.jsonPath().getList("rootCauses.name"));

            List<Map<String, Object>> listed = Cases.list(Map.of("touchpoint", fixture.touchpoint));
            Map<String, Object> item = listed.stream()
                    .filter(c -> id.equals(c.get("id")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(2, ((List<?>) item.get("rootCauses")).size(), "the listing shows them too");

            JsonPath history = history(id);
            int last = history.getList("items").size() - 1;
            assertEquals("RESOLVE", history.getString("items[" + last + "].action"));
            assertEquals(
                    List.of(branchCode, courierCode), history.getList("items[" + last + "].details.rootCauses.code"));

            JsonNode event = events.of(id, 1).stream()
                    .filter(e -> e.type().equals("voc.case.resolved.v1"))
                    .findFirst()
                    .orElseThrow()
                    .payload();
            List<String> codes = new ArrayList<>();
            event.get("rootCauseCodes").forEach(c -> codes.add(c.asText()));
            assertEquals(List.of(branchCode, courierCode), codes);
        }
    }

    @Test
    void causesMustBeKnownActiveAndAtMostTen() {
        String id = inContact();
        Response unknown = act("agent", id, "resolve", resolve("00000000-0000-4000-8000-000000000000"));
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertEquals("rootCauses[0]", unknown.jsonPath().getString("errors[0].field"));

        String retired = CauseFixture.created(CauseFixture.code("RETIRED"), "Retired", null);
        CauseFixture.updated(retired, "Retired", null, false);
        Response refused = act("agent", id, "resolve", resolve(courier, retired));
        assertEquals(409, refused.statusCode(), refused.asString());
        assertEquals("urn:voc:problem:root-cause-retired", refused.jsonPath().getString("type"));
        assertEquals("rootCauses[1]", refused.jsonPath().getString("errors[0].field"));

        String[] eleven = new String[11];
        java.util.Arrays.fill(eleven, courier);
        Response tooMany = act("agent", id, "resolve", resolve(eleven));
        assertEquals(400, tooMany.statusCode(), tooMany.asString());
        assertEquals("rootCauses", tooMany.jsonPath().getString("errors[0].field"));

        assertEquals("IN_CONTACT", read("agent", id).jsonPath().getString("status"), "nothing was resolved");
        assertEquals(List.of(), read("agent", id).jsonPath().getList("rootCauses"));
    }

    @Test
    void aResolvedOrClosedCaseTakesOtherCausesLaterButAnOpenOneDoesNot() {
        String id = inContact();
        Response early = put(id, courier);
        assertEquals(409, early.statusCode(), early.asString());
        assertEquals("urn:voc:problem:illegal-transition", early.jsonPath().getString("type"));

        done("agent", id, "resolve", resolve());
        assertEquals(List.of(), read("agent", id).jsonPath().getList("rootCauses"));
        Response set = put(id, courier);
        assertEquals(200, set.statusCode(), set.asString());
        assertEquals("RESOLVED", set.jsonPath().getString("status"));
        assertEquals(List.of(courierCode), set.jsonPath().getList("rootCauses.code"));

        done("agent", id, "close", null);
        Response changed = put(id, branch);
        assertEquals(200, changed.statusCode(), changed.asString());
        assertEquals("CLOSED", changed.jsonPath().getString("status"));
        assertEquals(List.of(branchCode), changed.jsonPath().getList("rootCauses.code"));

        Response missing =
                WorkFixture.as("agent").body("{\"rootCauses\": []}").put("/api/cases/" + id + "/root-causes");
        assertEquals(428, missing.statusCode());

        JsonPath history = history(id);
        List<String> actions = history.getList("items.action");
        assertEquals("ROOT_CAUSES", actions.get(actions.size() - 1));
        int last = actions.size() - 1;
        assertEquals(List.of(branchCode), history.getList("items[" + last + "].details.rootCauses.code"));
        assertEquals(List.of(courierCode), history.getList("items[" + last + "].details.previousRootCauses.code"));
    }

    @Test
    void reopeningClearsTheCausesIntoTheHistory() {
        String id = inContact();
        done("agent", id, "resolve", resolve(courier));
        Response reopened = done("agent", id, "reopen", WorkFixture.REOPEN);
        assertEquals(List.of(), reopened.jsonPath().getList("rootCauses"));
        JsonPath history = history(id);
        int last = history.getList("items").size() - 1;
        assertEquals("REOPEN", history.getString("items[" + last + "].action"));
        assertEquals(List.of(courierCode), history.getList("items[" + last + "].details.previousRootCauses.code"));
    }

    @Test
    void aRetiredCauseStaysOnTheCasesThatNameIt() {
        String code = CauseFixture.code("LATER_RETIRED");
        String cause = CauseFixture.created(code, "Later retired", null);
        String id = inContact();
        done("agent", id, "resolve", resolve(cause));
        CauseFixture.updated(cause, "Later retired", null, false);
        assertEquals(List.of(code), read("agent", id).jsonPath().getList("rootCauses.code"));
        assertFalse(CauseFixture.read(cause).jsonPath().getBoolean("active"));
        assertTrue(
                read("manager", id).jsonPath().getList("rootCauses.id").contains(cause),
                "a retired cause is never deleted");
    }

    /** A new case of the fixture's team, assigned to the agent and in contact. */
    private static String inContact() {
        String id = fixture.openOne();
        done("manager", id, "assign", assign("agent"));
        done("agent", id, "contact", CONTACT);
        return id;
    }

    static String resolve(String... causes) {
        return "{\"code\": \"REISSUED_CARD\", \"rootCauses\": [" + quoted(causes) + "]}";
    }

    private static Response put(String id, String... causes) {
        return WorkFixture.as("agent")
                .header("If-Match", WorkFixture.etag(id))
                .body("{\"rootCauses\": [" + quoted(causes) + "]}")
                .put("/api/cases/" + id + "/root-causes");
    }

    private static String quoted(String... values) {
        return String.join(
                ", ", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList());
    }

    private static JsonPath history(String id) {
        return Cases.as("agent")
                .get("/api/cases/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
