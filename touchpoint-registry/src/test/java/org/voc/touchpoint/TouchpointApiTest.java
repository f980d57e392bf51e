package org.voc.touchpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

@QuarkusTest
class TouchpointApiTest {

    static String key() {
        return "tp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String body(String key, String channel, String team) {
        return """
                {"key": "%s", "name": "Card delivery", "channel": "%s", "journeyStage": "ONBOARDING",
                 "signalKind": "DIRECT", "segments": ["RETAIL", "SME"], "product": "debit-card",
                 "ownerTeam": "%s"}""".formatted(key, channel, team);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    @Test
    void registersReadsAndListsATouchpoint() {
        String key = key();
        as("designer")
                .body(body(key, "BRANCH", "cards-ops"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/touchpoints/" + key))
                .header("ETag", equalTo("\"0\""))
                .body("key", equalTo(key))
                .body("status", equalTo("ACTIVE"))
                .body("segments", contains("RETAIL", "SME"))
                .body("revision", equalTo(0));

        as("analyst")
                .get("/api/touchpoints/" + key)
                .then()
                .statusCode(200)
                .body("channel", equalTo("BRANCH"))
                .body("journeyStage", equalTo("ONBOARDING"))
                .body("ownerTeam", equalTo("cards-ops"));

        as("agent")
                .queryParam("ownerTeam", "cards-ops")
                .queryParam("segment", "SME")
                .queryParam("limit", 500)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key));
        as("agent")
                .queryParam("ownerTeam", "cards-ops")
                .queryParam("channel", "WEB")
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", not(hasItem(key)));
    }

    @Test
    void pagesWithACursorWithoutSkippingOrRepeating() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of("a-" + team, "b-" + team, "c-" + team);
        for (String key : keys) {
            as("designer")
                    .body(body(key, "WEB", team))
                    .post("/api/touchpoints")
                    .then()
                    .statusCode(201);
        }
        String next = as("analyst")
                .queryParam("ownerTeam", team)
                .queryParam("limit", 2)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains(keys.get(0), keys.get(1)))
                .extract()
                .path("nextCursor");
        as("analyst")
                .queryParam("ownerTeam", team)
                .queryParam("limit", 2)
                .queryParam("after", next)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items.key", contains(keys.get(2)))
                .body("nextCursor", nullValue());
    }

    @Test
    void duplicateKeyIsAConflict() {
        String key = key();
        as("designer")
                .body(body(key, "WEB", "web-team"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        as("designer")
                .body(body(key, "WEB", "web-team"))
                .post("/api/touchpoints")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:conflict"))
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void invalidFieldsAreNamedInProblemDetails() {
        as("designer")
                .body(body(key(), "PIGEON", "web-team"))
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("channel"));
        as("designer")
                .body("""
                {"key": "Not A Slug", "channel": "WEB", "journeyStage": "USAGE", "signalKind": "DIRECT",
                 "ownerTeam": "web-team"}""")
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("key", "name"));
        as("designer")
                .body(body(key(), "WEB", "web-team").replace("\"product\"", "\"prodcut\""))
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("prodcut"));
        as("designer")
                .body("{\"key\": ")
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("designer")
                .body("""
                {"name": "No key", "channel": "WEB", "journeyStage": "USAGE", "signalKind": "DIRECT",
                 "ownerTeam": "web-team", "segments": [""]}""")
                .post("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("segments[0]"));
        as("analyst")
                .queryParam("channel", "PIGEON")
                .get("/api/touchpoints")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        as("analyst")
                .get("/api/touchpoints/does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void changesNeedTheCurrentRevision() {
        String key = key();
        as("designer")
                .body(body(key, "WEB", "web-team"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        String retire = body(key, "WEB", "web-team").replace("\"ownerTeam\"", "\"status\": \"RETIRED\", \"ownerTeam\"");

        as("designer")
                .body(retire)
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("designer")
                .header("If-Match", "\"0\"")
                .body(retire)
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("RETIRED"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(retire)
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:stale-revision"));
        as("designer")
                .header("If-Match", "\"1\"")
                .body(body("other-key", "WEB", "web-team"))
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("key"));
    }
}
