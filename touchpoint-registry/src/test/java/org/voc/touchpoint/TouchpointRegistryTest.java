package org.voc.touchpoint;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.voc.touchpoint.Api.as;
import static org.voc.touchpoint.Api.touchpoint;
import static org.voc.touchpoint.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** RACI, tags, external references, filters, sorting, resolving and history of touchpoints. */
@QuarkusTest
class TouchpointRegistryTest {

    static String full(String key, String ref) {
        return """
                {"key": "%s", "name": "Card delivery", "description": "Courier hands over the card",
                 "channel": "FIELD_SERVICE", "journeyStage": "ONBOARDING", "signalKind": "DIRECT",
                 "segments": ["RETAIL"], "product": "debit-card", "ownerTeam": "cards-ops",
                 "raci": {"responsible": ["courier-desk"], "accountable": ["cards-ops"], "consulted": ["cx-design"],
                          "informed": ["cx-analytics"]},
                 "tags": ["kyc", "physical"], "externalRefs": [{"system": "crm", "ref": "%s"}]}""".formatted(key, ref);
    }

    @Test
    void keepsRaciTagsAndExternalRefsAndResolvesByReference() {
        String key = unique("tp");
        String ref = "card.delivered." + key;
        as("designer")
                .body(full(key, ref))
                .post("/api/touchpoints")
                .then()
                .statusCode(201)
                .body("raci.responsible", contains("courier-desk"))
                .body("raci.accountable", contains("cards-ops"))
                .body("tags", contains("kyc", "physical"))
                .body("externalRefs[0].system", equalTo("crm"))
                .body("externalRefs[0].ref", equalTo(ref));

        as("agent")
                .queryParam("system", "crm")
                .queryParam("ref", ref)
                .get("/api/touchpoints/by-ref")
                .then()
                .statusCode(200)
                .body("key", equalTo(key))
                .header("ETag", equalTo("\"0\""))
                .header("Cache-Control", containsString("max-age=60"));

        // Another touchpoint cannot claim the same event: resolving must stay unambiguous.
        as("designer")
                .body(full(unique("tp"), ref))
                .post("/api/touchpoints")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalRefs[0]"))
                .body("detail", containsString(key));

        // Dropping the reference frees it.
        as("designer")
                .header("If-Match", "\"0\"")
                .body(full(key, ref).replace("\"crm\"", "\"app\""))
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(200);
        as("agent")
                .queryParam("system", "crm")
                .queryParam("ref", ref)
                .get("/api/touchpoints/by-ref")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("agent")
                .queryParam("system", "app")
                .queryParam("ref", ref)
                .get("/api/touchpoints/by-ref")
                .then()
                .statusCode(200)
                .body("key", equalTo(key));
        as("agent")
                .queryParam("system", "crm")
                .get("/api/touchpoints/by-ref")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ref"));
        as("agent")
                .queryParam("ref", ref)
                .get("/api/touchpoints/by-ref")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("system"));
    }

    @Test
    void rejectsInvalidNewFields() {
        as("designer")
                .body(full(unique("tp"), "x").replace("\"crm\"", "\"CRM System\""))
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalRefs[0].system"));
        as("designer")
                .body(full(unique("tp"), "x").replace("[\"kyc\", \"physical\"]", "[\"kyc\", \"\"]"))
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tags[1]"));
        as("designer")
                .body(full(unique("tp"), "x").replace("\"informed\"", "\"notified\""))
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("raci.notified"));
        as("designer")
                .body(full("by-ref", "x"))
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void filtersSearchesSortsAndCounts() {
        String tag = unique("tag");
        String team = unique("team");
        as("designer")
                .body(touchpoint("c-" + tag, "WEB", "USAGE", "INFERRED", "SME", team, tag))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        as("designer")
                .body(touchpoint("a-" + tag, "WEB", "USAGE", "DIRECT", "RETAIL", team, tag)
                        .replace("\"Touchpoint a-", "\"Zeta a-"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        as("designer")
                .body(touchpoint("b-" + tag, "CHAT", "SERVICE", "DIRECT", "RETAIL,SME", team, tag + ",vip")
                        .replace("\"Touchpoint b-", "\"Alpha b-"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);

        as("analyst")
                .queryParam("tag", tag)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.key", contains("a-" + tag, "b-" + tag, "c-" + tag));
        as("analyst")
                .queryParam("tag", tag)
                .queryParam("signalKind", "DIRECT")
                .queryParam("segment", "SME")
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.key", contains("b-" + tag));
        as("analyst")
                .queryParam("tag", tag)
                .queryParam("q", "ZETA")
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains("a-" + tag));
        as("analyst")
                .queryParam("ownerTeam", team)
                .queryParam("q", "100%_")
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));

        // Name order across pages, with a cursor that survives an insert between the pages.
        String next = as("analyst")
                .queryParam("tag", tag)
                .queryParam("sort", "name")
                .queryParam("limit", 2)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains("b-" + tag, "c-" + tag))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        as("designer")
                .body(touchpoint("d-" + tag, "WEB", "USAGE", "DIRECT", "RETAIL", team, tag)
                        .replace("\"Touchpoint d-", "\"Beta d-"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        as("analyst")
                .queryParam("tag", tag)
                .queryParam("sort", "name")
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains("a-" + tag))
                .body("nextCursor", nullValue())
                .body("total", equalTo(4));
        as("analyst")
                .queryParam("tag", tag)
                .queryParam("sort", "-key")
                .queryParam("limit", 2)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains("d-" + tag, "c-" + tag));
        String newest = as("analyst")
                .queryParam("tag", tag)
                .queryParam("sort", "-updatedAt")
                .queryParam("limit", 1)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains("d-" + tag))
                .extract()
                .path("nextCursor");
        as("analyst")
                .queryParam("tag", tag)
                .queryParam("sort", "-updatedAt")
                .queryParam("limit", 1)
                .queryParam("after", newest)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains("b-" + tag));

        as("analyst")
                .queryParam("sort", "colour")
                .get("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        as("analyst")
                .queryParam("sort", "name")
                .queryParam("after", "not-a-cursor")
                .get("/api/touchpoints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        as("analyst")
                .queryParam("signalKind", "TELEPATHY")
                .get("/api/touchpoints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("signalKind"));
        as("analyst")
                .queryParam("limit", 501)
                .get("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void historyNamesWhoChangedWhatAndWhen() {
        String key = unique("tp");
        as("designer")
                .body(full(key, "history." + key))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        as("admin")
                .header("If-Match", "\"0\"")
                .body(full(key, "history." + key).replace("\"ownerTeam\"", "\"status\": \"RETIRED\", \"ownerTeam\""))
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        // The same body again is not a change: no revision, no history entry.
        as("admin")
                .header("If-Match", "\"1\"")
                .body(full(key, "history." + key).replace("\"ownerTeam\"", "\"status\": \"RETIRED\", \"ownerTeam\""))
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""));

        as("analyst")
                .get("/api/touchpoints/" + key + "/history")
                .then()
                .statusCode(200)
                .body("items.revision", contains(1, 0))
                .body("items.action", contains("UPDATED", "CREATED"))
                .body("items.actorName", contains("admin", "designer"))
                .body("items[0].actor", notNullValue())
                .body("items[0].actor", not(equalTo("admin")))
                .body("items[0].changedAt", notNullValue())
                .body("items[0].changes.status.from", equalTo("ACTIVE"))
                .body("items[0].changes.status.to", equalTo("RETIRED"))
                .body("items[0].changes", not(hasKey("name")))
                .body("items[1].changes.name.to", equalTo("Card delivery"));
        String next = as("analyst")
                .queryParam("limit", 1)
                .get("/api/touchpoints/" + key + "/history")
                .then()
                .statusCode(200)
                .body("items.revision", contains(1))
                .extract()
                .path("nextCursor");
        as("analyst")
                .queryParam("limit", 1)
                .queryParam("after", next)
                .get("/api/touchpoints/" + key + "/history")
                .then()
                .statusCode(200)
                .body("items.revision", contains(0));
        as("analyst")
                .queryParam("after", "yesterday")
                .get("/api/touchpoints/" + key + "/history")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        as("analyst")
                .get("/api/touchpoints/no-such-touchpoint/history")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // Retiring kept the touchpoint readable.
        as("agent").get("/api/touchpoints/" + key).then().statusCode(200).body("status", equalTo("RETIRED"));
    }
}
