package org.voc.cases;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;

/**
 * Customer data in case views (docs/security.md): pseudonyms and masked text for analysts and admins, clear values
 * for voc-pii, case managers and the agents of the case's team.
 */
@QuarkusTest
class CasePrivacyTest {

    private static final String COMMENT =
            "Перезвоните мне: +7 (912) 345-67-89 или ivan.petrov@mail.ru, карта 2200 1234 5678 9010 заблокирована";
    private static final String MASKED = "Перезвоните мне: [phone] или [email], карта [number] заблокирована";

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
    void analystsSeeStablePseudonymsAndMaskedTextAndEntitledCallersTheClearValues() {
        String team = "team-p-" + Events.unique();
        String touchpoint = "tp-" + team;
        events.publish(Events.team(UUID.randomUUID(), team, 0, "agent"), null);
        events.publish(Events.touchpoint(UUID.randomUUID(), touchpoint, team, 0), null);
        ResponseSubmitted first = Events.response(touchpoint, 1, COMMENT);
        // The same customer answers again: an analyst can still tell it is one customer.
        ResponseSubmitted second = new ResponseSubmitted(
                UUID.randomUUID(),
                first.surveyId(),
                1,
                touchpoint,
                "WEB",
                first.customerRef(),
                Events.RESPONDED_AT,
                3,
                List.of(new ResponseSubmitted.Answer("nps", "NPS", 3, null)));
        ResponseSubmitted other = Events.response(touchpoint, 2, "Fine, call me at 555-123-4567");
        events.publish(first, null);
        events.publish(second, null);
        events.publish(other, null);
        List<Map<String, Object>> cases =
                Cases.awaitList(Map.of("team", team), items -> items.size() == 3, "three cases are opened and routed");
        String id = (String) Cases.byResponse(cases, first.responseId()).get("id");
        String secondId = (String) Cases.byResponse(cases, second.responseId()).get("id");

        Map<String, Object> once = read("analyst", id);
        Map<String, Object> again = read("analyst", id);
        String pseudonym = (String) once.get("customerRef");
        assertTrue(pseudonym.matches("pn-[0-9a-f]{24}"), pseudonym);
        assertEquals(pseudonym, again.get("customerRef"), "stable across calls");
        assertEquals(pseudonym, read("admin", secondId).get("customerRef"), "the same customer, the same pseudonym");
        assertNotEquals(
                pseudonym,
                Cases.byResponse(Cases.list("analyst", Map.of("team", team)), other.responseId())
                        .get("customerRef"),
                "another customer, another pseudonym");
        assertEquals(MASKED, once.get("comment"));
        assertEquals(MASKED, read("admin", id).get("comment"), "voc-admin alone does not see customer data");
        Map<String, Object> listed = Cases.byResponse(Cases.list("analyst", Map.of("team", team)), first.responseId());
        assertEquals(pseudonym, listed.get("customerRef"), "lists show the same pseudonym");
        assertEquals(MASKED, listed.get("comment"));

        await("the agent's membership is replicated")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Cases.as("agent").get("/api/cases/" + id).statusCode() == 200);
        for (String user : List.of("pii-analyst", "manager", "agent")) {
            Map<String, Object> clear = read(user, id);
            assertEquals(first.customerRef(), clear.get("customerRef"), user);
            assertEquals(COMMENT, clear.get("comment"), user);
            Map<String, Object> clearListed =
                    Cases.byResponse(Cases.list(user, Map.of("team", team)), first.responseId());
            assertEquals(first.customerRef(), clearListed.get("customerRef"), user);
        }
    }

    private static Map<String, Object> read(String user, String id) {
        return Cases.as(user)
                .get("/api/cases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }
}
