package org.voc.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.voc.events.ResponseSubmitted;

/** Reading cases: filters, keyset pagination, and problem details for every bad input. */
@QuarkusTest
class CaseApiTest {

    private static Events events;
    private static String key;
    private static Set<String> caseIds;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    /** Once per class, but in @BeforeEach: REST Assured only points at the application once a test runs. */
    @BeforeEach
    void openThreeCases() {
        if (key != null) {
            return;
        }
        key = "tp-" + Events.unique();
        List<ResponseSubmitted> responses =
                List.of(Events.response(key, 0, "a"), Events.response(key, 4, "b"), Events.response(key, 6, "c"));
        responses.forEach(r -> events.publish(r, null));
        caseIds = new HashSet<>();
        Cases.awaitList(Map.of("touchpoint", key), items -> items.size() == 3, "three cases are opened")
                .forEach(c -> caseIds.add((String) c.get("id")));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void pagesWithTheCursorNewestFirstWithoutSkippingOrRepeating() {
        List<Map<String, Object>> seen = new ArrayList<>();
        String next = Cases.as("analyst")
                .queryParam("touchpoint", key)
                .queryParam("limit", 2)
                .get("/api/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        seen.addAll(Cases.as("analyst")
                .queryParam("touchpoint", key)
                .queryParam("limit", 2)
                .get("/api/cases")
                .then()
                .extract()
                .jsonPath()
                .getList("items"));
        seen.addAll(Cases.as("analyst")
                .queryParam("touchpoint", key)
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get("/api/cases")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath()
                .getList("items"));

        Set<String> ids = new HashSet<>();
        seen.forEach(c -> ids.add((String) c.get("id")));
        assertEquals(caseIds, ids, "the two pages hold every case exactly once");
        for (int i = 1; i < seen.size(); i++) {
            Instant newer = Instant.parse((String) seen.get(i - 1).get("openedAt"));
            Instant older = Instant.parse((String) seen.get(i).get("openedAt"));
            assertTrue(!older.isAfter(newer), "newest first: " + seen);
        }
    }

    @Test
    void filtersCombine() {
        assertEquals(3, Cases.list(Map.of("touchpoint", key, "status", "OPEN")).size());
        assertEquals(
                0, Cases.list(Map.of("touchpoint", key, "status", "CLOSED")).size());
        // Several statuses keep the cases in any of them, comma-separated or repeated: the unfinished ones, say.
        assertEquals(
                3,
                Cases.list(Map.of("touchpoint", key, "status", "OPEN,ASSIGNED,IN_CONTACT,WAITING_ON_CUSTOMER"))
                        .size());
        assertEquals(
                3,
                Cases.list(Map.of("touchpoint", key, "status", List.of("CLOSED", "OPEN")))
                        .size());
        assertEquals(
                0,
                Cases.list(Map.of("touchpoint", key, "status", "RESOLVED,CLOSED"))
                        .size());
        assertEquals(
                3, Cases.list(Map.of("touchpoint", key, "unassigned", true)).size());
        assertEquals(
                0, Cases.list(Map.of("touchpoint", key, "unassigned", false)).size());
        assertEquals(
                0,
                Cases.list(Map.of("touchpoint", key, "team", "team-" + Events.unique()))
                        .size());
    }

    @Test
    void readsOneCaseByIdWithEveryAllowedRole() {
        String id = caseIds.iterator().next();
        for (String user : List.of("manager", "analyst", "admin")) {
            Cases.as(user)
                    .get("/api/cases/" + id)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id))
                    .body("touchpointKey", equalTo(key))
                    .body("status", equalTo("OPEN"))
                    .body("dueAt", notNullValue());
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "status, PIGEON",
        "status, open",
        "status, 'OPEN,PIGEON'",
        "after, not-a-cursor",
        "after, bm90fGE",
        "limit, 0",
        "limit, 501",
        "limit, ten",
        "unassigned, maybe"
    })
    void badQueryParametersAreNamedInProblemDetails(String parameter, String value) {
        Cases.as("agent")
                .queryParam(parameter, value)
                .get("/api/cases")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void anUnknownIdIsNotFound() {
        Cases.as("agent")
                .get("/api/cases/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:voc:problem:not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "12345", "0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10-ff"})
    void aMalformedIdIsNotFoundRatherThanAnError(String id) {
        Cases.as("agent")
                .get("/api/cases/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:not-found"));
    }
}
