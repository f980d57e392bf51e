package org.voc.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;

/**
 * Case rules through the API, evaluated on responses published on the real broker. Every rule of these tests is
 * filtered to a touchpoint key of its own, so it opens nothing for the responses of other tests.
 */
@QuarkusTest
class CaseRulesTest {

    private static RuleFixture f;

    @BeforeAll
    static void connect() {
        f = new RuleFixture();
    }

    @AfterAll
    static void disconnect() {
        f.close();
    }

    @Test
    void anNpsRuleOpensACaseAndANonMatchingResponseDoesNot() {
        String key = f.key();
        f.create("NPS at most 8 " + key, "{\"nps\": {\"atMost\": 8}, \"touchpoints\": [\"" + key + "\"]}", "NORMAL");
        ResponseSubmitted passive = f.response(key, 8, List.of());
        ResponseSubmitted promoter = f.response(key, 9, List.of());
        Map<String, Object> opened = f.opensOnly(key, passive, promoter);
        assertNull(f.caseOf(key, promoter.responseId()));
        assertEquals(8, opened.get("nps"));
        assertEquals("NORMAL", opened.get("priority"));
        assertEquals("PT4H", opened.get("firstContactTarget"));
        assertEquals("PT72H", opened.get("resolutionTarget"), "durations are shown in hours");
    }

    @Test
    void aCsatRuleOpensACase() {
        String key = f.key();
        f.create("CSAT " + key, "{\"csat\": {}, \"touchpoints\": [\"" + key + "\"]}", "NORMAL");
        ResponseSubmitted unhappy = f.response(key, null, List.of(f.score("CSAT", "csat", 2)));
        ResponseSubmitted fine = f.response(key, null, List.of(f.score("CSAT", "csat", 3)));
        Map<String, Object> opened = f.opensOnly(key, unhappy, fine);
        assertNull(opened.get("nps"), "a case without an NPS");
    }

    @Test
    void aCesRuleOpensACase() {
        String key = f.key();
        f.create("CES " + key, "{\"ces\": {\"atLeast\": 6}, \"touchpoints\": [\"" + key + "\"]}", "HIGH");
        ResponseSubmitted effort = f.response(key, null, List.of(f.score("CES", "ces", 6)));
        ResponseSubmitted easy = f.response(key, null, List.of(f.score("CES", "ces", 5)));
        assertEquals("HIGH", f.opensOnly(key, effort, easy).get("priority"));
    }

    @Test
    void aRatingRuleOpensACaseForItsQuestionOnly() {
        String key = f.key();
        f.create(
                "Rating " + key,
                "{\"rating\": {\"questionId\": \"speed\", \"below\": 3}, \"touchpoints\": [\"" + key + "\"]}",
                "NORMAL");
        ResponseSubmitted slow = f.response(key, null, List.of(f.score("RATING", "speed", 2)));
        ResponseSubmitted otherQuestion = f.response(key, null, List.of(f.score("RATING", "politeness", 1)));
        ResponseSubmitted fast = f.response(key, null, List.of(f.score("RATING", "speed", 3)));
        f.opensOnly(key, slow, otherQuestion, fast);
    }

    @Test
    void russianAndEnglishKeywordsMatchTheirWordForms() {
        String key = f.key();
        f.create(
                "Keywords " + key,
                "{\"text\": {\"anyOf\": [\"задержка\", \"курьер\", \"delay\"]}, \"touchpoints\": [\"" + key + "\"]}",
                "NORMAL");
        List<ResponseSubmitted> matching = new ArrayList<>();
        for (String text : List.of(
                "Карта пришла с задержкой",
                "Снова задержки!",
                "Не дождался курьера",
                "Общался с курьером",
                "The card was delayed",
                "Too many delays")) {
            matching.add(f.response(key, null, List.of(f.text(text))));
        }
        ResponseSubmitted other = f.response(key, null, List.of(f.text("Всё вовремя, thanks")));
        // The default detractor rule opens the marker's case: once it is there, every response before it was read.
        ResponseSubmitted marker = f.response(key, 0, List.of());
        List<ResponseSubmitted> all = new ArrayList<>(matching);
        all.add(other);
        all.add(marker);
        f.publishInOrder(all);
        List<ResponseSubmitted> opening = new ArrayList<>(matching);
        opening.add(marker);
        List<Map<String, Object>> cases = f.awaitCases(key, opening);
        assertEquals(opening.size(), cases.size(), "every word form, and nothing else: " + cases);
    }

    @Test
    void aPhraseMatchesItsWordsInOrder() {
        String key = f.key();
        f.create(
                "Phrase " + key,
                "{\"text\": {\"anyOf\": [\"курьер не приехал\"]}, \"touchpoints\": [\"" + key + "\"]}",
                "NORMAL");
        ResponseSubmitted phrase = f.response(key, null, List.of(f.text("Курьер не приехал, я ждал весь день")));
        ResponseSubmitted shuffled = f.response(key, null, List.of(f.text("Не приехал курьер")));
        f.opensOnly(key, phrase, shuffled);
    }

    @Test
    void filtersBySegmentAndChannel() {
        String key = f.key();
        f.create(
                "Filters " + key,
                "{\"nps\": {\"atMost\": 10}, \"touchpoints\": [\"" + key + "\"], \"segments\": [\"premium\"],"
                        + " \"channels\": [\"web\", \"EMAIL\"]}",
                "NORMAL");
        ResponseSubmitted premiumWeb = f.response(key, 9, List.of(), "WEB", "PREMIUM");
        ResponseSubmitted massWeb = f.response(key, 9, List.of(), "WEB", "mass");
        ResponseSubmitted premiumSms = f.response(key, 9, List.of(), "SMS", "premium");
        ResponseSubmitted noSegment = f.response(key, 9, List.of(), "EMAIL", null);
        ResponseSubmitted otherTouchpoint = f.response(f.key(), 9, List.of(), "WEB", "premium");
        f.publishInOrder(List.of(otherTouchpoint));
        f.opensOnly(key, premiumWeb, massWeb, premiumSms, noSegment);
        assertNull(f.caseOf(otherTouchpoint.touchpointKey(), otherTouchpoint.responseId()));
    }

    @Test
    void twoMatchingRulesOpenOneCaseWithTheHigherPriorityListingBoth() {
        String key = f.key();
        String team = "desk-" + key;
        String low = f.create(
                "A low " + key,
                "{\"text\": {\"anyOf\": [\"delay\"]}, \"touchpoints\": [\"" + key + "\"]}",
                "NORMAL",
                "PT2H",
                "P5D",
                null);
        String high = f.create(
                "B high " + key, "{\"ces\": {}, \"touchpoints\": [\"" + key + "\"]}", "HIGH", "PT8H", "P2D", team);
        ResponseSubmitted both =
                f.response(key, null, List.of(f.score("CES", "ces", 7), f.text("Delayed twice, hard to reach you")));
        Map<String, Object> opened = f.opensOnly(key, both);
        assertEquals("HIGH", opened.get("priority"));
        assertEquals(team, opened.get("team"), "the override of the higher-priority rule");
        assertEquals("PT2H", opened.get("firstContactTarget"), "the strictest targets");
        assertEquals("PT48H", opened.get("resolutionTarget"));
        assertEquals(
                List.of(Map.of("id", low, "name", "A low " + key), Map.of("id", high, "name", "B high " + key)),
                opened.get("matchedRules"));
        f.as("manager")
                .get("/api/cases/" + opened.get("id"))
                .then()
                .statusCode(200)
                .body("matchedRules.name", equalTo(List.of("A low " + key, "B high " + key)));
    }

    @Test
    void aDisabledRuleOpensNothingAndAChangeAppliesToLaterResponses() {
        String key = f.key();
        String body = "{\"name\": \"Off %s\", \"enabled\": %s, \"conditions\": {\"csat\": {\"below\": 5},"
                + " \"touchpoints\": [\"%s\"]}, \"priority\": \"NORMAL\", \"firstContactTarget\": \"PT1H\","
                + " \"resolutionTarget\": \"PT1H\"}";
        Response created = f.as("designer")
                .contentType(ContentType.JSON)
                .body(body.formatted(key, false, key))
                .post("/api/case-rules");
        created.then().statusCode(201).header("ETag", "\"0\"").body("enabled", equalTo(false));
        String id = created.jsonPath().getString("id");
        int partition = f.partition();
        ResponseSubmitted whileOff = f.response(key, null, List.of(f.score("CSAT", "csat", 1)));
        f.publish(whileOff, partition);
        // A marker on the same partition, matched by the default detractor rule: once it has a case, the response
        // before it was evaluated with the rule disabled.
        ResponseSubmitted marker = f.response(key, 1, List.of());
        f.publish(marker, partition);
        f.awaitCases(key, List.of(marker));
        assertNull(f.caseOf(key, whileOff.responseId()), "the disabled rule opened nothing");

        f.as("designer")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body.formatted(key, true, key))
                .put("/api/case-rules/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        f.as("designer")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body.formatted(key, true, key))
                .put("/api/case-rules/" + id)
                .then()
                .statusCode(412);
        ResponseSubmitted whileOn = f.response(key, null, List.of(f.score("CSAT", "csat", 1)));
        f.publish(whileOn, partition);
        Map<String, Object> opened = f.awaitCases(key, List.of(whileOn)).stream()
                .filter(c -> whileOn.responseId().toString().equals(c.get("responseId")))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(Map.of("id", id, "name", "Off " + key)), opened.get("matchedRules"));

        f.as("designer").delete("/api/case-rules/" + id).then().statusCode(428);
        f.as("designer")
                .header("If-Match", "\"1\"")
                .delete("/api/case-rules/" + id)
                .then()
                .statusCode(204);
        f.as("analyst").get("/api/case-rules/" + id).then().statusCode(404);
    }

    @Test
    void theDefaultRulesAreListedAndReadable() {
        f.as("analyst")
                .get("/api/case-rules")
                .then()
                .statusCode(200)
                .body("name", hasItem("NPS detractor"))
                .body("find { it.name == 'NPS detractor' }.conditions.nps.atMost", equalTo(6));
        f.as("manager")
                .get("/api/case-rules/00000000-0000-4000-8000-000000000002")
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("priority", equalTo("HIGH"));
        f.as("agent").get("/api/case-rules").then().statusCode(403);
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        String key = f.key();
        String valid = "\"priority\": \"HIGH\", \"firstContactTarget\": \"PT4H\", \"resolutionTarget\": \"P1D\"";
        Map<String, String> bad = Map.of(
                "conditions",
                "{\"name\": \"x\", \"conditions\": {\"touchpoints\": [\"" + key + "\"]}, " + valid + "}",
                "conditions.text.anyOf[1]",
                "{\"name\": \"x\", \"conditions\": {\"text\": {\"anyOf\": [\"ok\", \"?!\"]}}, " + valid + "}",
                "firstContactTarget",
                "{\"name\": \"x\", \"conditions\": {\"csat\": {}}, \"priority\": \"HIGH\","
                        + " \"firstContactTarget\": \"4 hours\", \"resolutionTarget\": \"P1D\"}",
                "resolutionTarget",
                "{\"name\": \"x\", \"conditions\": {\"csat\": {}}, \"priority\": \"HIGH\","
                        + " \"firstContactTarget\": \"P2D\", \"resolutionTarget\": \"P1D\"}",
                "conditions.nps.atMost",
                "{\"name\": \"x\", \"conditions\": {\"nps\": {\"atMost\": 11}}, " + valid + "}",
                "team",
                "{\"name\": \"x\", \"conditions\": {\"csat\": {}}, \"team\": \"Not A Slug\", " + valid + "}");
        bad.forEach((field, body) -> {
            Response response =
                    f.as("designer").contentType(ContentType.JSON).body(body).post("/api/case-rules");
            assertEquals(400, response.statusCode(), field + ": " + response.asString());
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
            List<String> fields = response.jsonPath().getList("errors.field");
            assertEquals(true, fields.stream().anyMatch(x -> x.endsWith(field)), field + " in " + fields);
        });
    }

    @Test
    void onlyDesignersAndAdminsWriteRules() {
        String body = "{\"name\": \"x\", \"conditions\": {\"csat\": {}, \"touchpoints\": [\"" + f.key()
                + "\"]}, \"priority\": \"HIGH\", \"firstContactTarget\": \"PT4H\", \"resolutionTarget\": \"P1D\"}";
        for (String user : List.of("manager", "analyst", "agent")) {
            f.as(user)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/case-rules")
                    .then()
                    .statusCode(403);
        }
        f.as("admin")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/case-rules")
                .then()
                .statusCode(201);
    }
}
