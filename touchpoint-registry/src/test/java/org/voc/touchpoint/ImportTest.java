package org.voc.touchpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.voc.touchpoint.Api.as;
import static org.voc.touchpoint.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/** Bulk import of a touchpoint audit: per-row reports, all-or-nothing application, CSV and JSON. */
@QuarkusTest
class ImportTest {

    static final String HEADER =
            "key,name,description,channel,journeyStage,signalKind,segments,product,ownerTeam,status,"
                    + "responsible,accountable,consulted,informed,tags,externalRefs,journeys\n";

    static RequestSpecification csv(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType("text/csv");
    }

    static String row(
            String key,
            String channel,
            String stage,
            String signal,
            String segments,
            String team,
            String tags,
            String refs,
            String journeys) {
        return String.join(
                        ",",
                        key,
                        "\"Name of " + key + ", with a comma\"",
                        "",
                        channel,
                        stage,
                        signal,
                        segments,
                        "cards",
                        team,
                        "",
                        "",
                        team,
                        "",
                        "",
                        tags,
                        refs,
                        journeys)
                + "\n";
    }

    @Test
    void dryRunReportsEveryInvalidRowAndAppliesNothing() {
        String p = unique("imp");
        String file = HEADER
                + row(p + "-ok", "WEB", "USAGE", "DIRECT", "RETAIL", "web-team", p, "crm:" + p + ".ok", "")
                + row(p + "-bad-channel", "PIGEON", "USAGE", "DIRECT", "RETAIL", "web-team", p, "", "")
                + row("Bad Key", "WEB", "USAGE", "DIRECT", "RETAIL", "web-team", p, "", "")
                + row(p + "-ok", "WEB", "USAGE", "DIRECT", "RETAIL", "web-team", p, "", "")
                + row(p + "-no-team", "WEB", "USAGE", "DIRECT", "RETAIL", "", p, "", "")
                + row(p + "-ref", "WEB", "USAGE", "DIRECT", "RETAIL", "web-team", p, "crm:" + p + ".ok|nocolon", "")
                + row(p + "-journey", "WEB", "USAGE", "DIRECT", "RETAIL", "web-team", p, "", "no-such-journey/Apply");
        for (String mode : new String[] {"dry-run", "apply"}) {
            csv("designer")
                    .queryParam("mode", mode)
                    .body(file)
                    .post("/api/touchpoints/import")
                    .then()
                    .statusCode(mode.equals("apply") ? 422 : 200)
                    .body("mode", equalTo(mode))
                    .body("applied", equalTo(false))
                    .body("rows", equalTo(7))
                    .body("created", equalTo(1))
                    .body("errors.row", contains(3, 4, 5, 6, 7, 7, 8))
                    .body(
                            "errors.field",
                            contains(
                                    "channel",
                                    "key",
                                    "key",
                                    "ownerTeam",
                                    "externalRefs[0]",
                                    "externalRefs[1]",
                                    "journeys[0]"))
                    .body("errors[0].key", equalTo(p + "-bad-channel"))
                    .body("errors[2].reason", equalTo("the key is already used by row 2 of this file"));
        }
        as("analyst")
                .queryParam("tag", p)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void appliesAWholeCsvFileThenUpdatesByKey() {
        String p = unique("imp");
        String journey = unique("journey");
        as("designer").body("""
                        {"key": "%s", "name": "Imported journey", "stages": [{"name": "Use", "touchpointKeys": []},
                         {"name": "Get help", "touchpointKeys": []}]
                        }""".formatted(journey)).post("/api/journeys").then().statusCode(201);
        String file = HEADER
                + row(
                        p + "-a",
                        "WEB",
                        "USAGE",
                        "DIRECT",
                        "RETAIL|SME",
                        "web-team",
                        p,
                        "crm:" + p + ".a",
                        journey + "/Use")
                + row(
                        p + "-b",
                        "CHAT",
                        "SERVICE",
                        "INDIRECT",
                        "RETAIL",
                        "chat-team",
                        p + "|chat",
                        "",
                        journey + "/Get help|" + journey + "/Use")
                + "\n";
        csv("designer")
                .queryParam("mode", "dry-run")
                .body(file)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(200)
                .body("applied", equalTo(false))
                .body("created", equalTo(2))
                .body("errors", empty());
        csv("designer")
                .queryParam("mode", "apply")
                .body(file)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(200)
                .body("applied", equalTo(true))
                .body("created", equalTo(2))
                .body("updated", equalTo(0));

        as("agent")
                .get("/api/touchpoints/" + p + "-a")
                .then()
                .statusCode(200)
                .body("name", equalTo("Name of " + p + "-a, with a comma"))
                .body("segments", contains("RETAIL", "SME"))
                .body("raci.accountable", contains("web-team"))
                .body("externalRefs[0].ref", equalTo(p + ".a"))
                .body("status", equalTo("ACTIVE"));
        as("agent")
                .queryParam("system", "crm")
                .queryParam("ref", p + ".a")
                .get("/api/touchpoints/by-ref")
                .then()
                .statusCode(200)
                .body("key", equalTo(p + "-a"));
        as("agent")
                .get("/api/journeys/" + journey)
                .then()
                .statusCode(200)
                .body("stages[0].touchpointKeys", contains(p + "-a", p + "-b"))
                .body("stages[1].touchpointKeys", contains(p + "-b"));

        // The same file again changes nothing; a changed row is an update with a history entry.
        csv("designer")
                .queryParam("mode", "apply")
                .body(file)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(2))
                .body("updated", equalTo(0));
        String changed = HEADER
                + String.join(
                        ",",
                        p + "-b",
                        "\"Name of " + p + "-b, with a comma\"",
                        "",
                        "CHAT",
                        "SERVICE",
                        "INDIRECT",
                        "RETAIL",
                        "cards",
                        "chat-team",
                        "RETIRED",
                        "",
                        "chat-team",
                        "",
                        "",
                        p,
                        "",
                        "")
                + "\n";
        csv("admin")
                .queryParam("mode", "apply")
                .body(changed)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("created", equalTo(0));
        as("analyst")
                .get("/api/touchpoints/" + p + "-b")
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("tags", contains(p))
                .body("revision", equalTo(1));
        as("analyst")
                .get("/api/touchpoints/" + p + "-b/history")
                .then()
                .statusCode(200)
                .body("items.action", contains("IMPORTED", "IMPORTED"))
                .body("items[0].actorName", equalTo("admin"))
                .body("items[0].changes.status.to", equalTo("RETIRED"))
                .body("items[0].changes.tags.from", contains(p, "chat"));
    }

    @Test
    void importsJsonAndRejectsAReferenceHeldOutsideTheFile() {
        String p = unique("imp");
        as("designer")
                .body(TouchpointRegistryTest.full(p + "-holder", "held." + p))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        String json = """
                [{"key": "%1$s-j1", "name": "App login", "channel": "MOBILE_APP", "journeyStage": "USAGE",
                  "signalKind": "INFERRED", "ownerTeam": "app-team", "tags": ["%1$s"],
                  "raci": {"responsible": ["app-team"]}, "externalRefs": [{"system": "app", "ref": "login.%1$s"}]},
                 {"key": "%1$s-j2", "name": "Store review", "channel": "REVIEW_SITE", "journeyStage": "LOYALTY",
                  "signalKind": "INDIRECT", "ownerTeam": "app-team", "tags": ["%1$s"], "colour": "red"},
                 {"key": "%1$s-j3", "name": "Courier", "channel": "FIELD_SERVICE", "journeyStage": "ONBOARDING",
                  "signalKind": "DIRECT", "ownerTeam": "cards-ops",
                  "externalRefs": [{"system": "crm", "ref": "held.%1$s"}]},
                 "not an object"]""".formatted(p);
        as("designer")
                .queryParam("mode", "apply")
                .body(json)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(422)
                .body("applied", equalTo(false))
                .body("errors.row", contains(2, 3, 4))
                .body("errors.field", contains("colour", "externalRefs[0]", null));
        String valid = json.replace(", \"colour\": \"red\"", "")
                .replace("held.", "free.")
                .replace(",\n \"not an object\"", "");
        as("designer")
                .queryParam("mode", "apply")
                .body(valid)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(200)
                .body("applied", equalTo(true))
                .body("created", equalTo(3));
        as("analyst")
                .queryParam("tag", p)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        as("analyst")
                .get("/api/touchpoints/" + p + "-j1")
                .then()
                .statusCode(200)
                .body("raci.responsible", contains("app-team"))
                .body("signalKind", equalTo("INFERRED"));
    }

    @Test
    void unreadableFilesAreProblemDetails() {
        csv("designer")
                .body("key,name,colour\nx,y,z\n")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        csv("designer")
                .body("name,channel\nx,WEB\n")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("key"));
        csv("designer")
                .body("")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        csv("designer")
                .body(HEADER + "\"unclosed,quote\n")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("designer")
                .body("{\"key\": \"not-an-array\"}")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("designer")
                .body("[{")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        csv("designer")
                .queryParam("mode", "maybe")
                .body(HEADER)
                .post("/api/touchpoints/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        given().auth()
                .oauth2(Tokens.user("designer"))
                .contentType("application/xml")
                .body("<a/>")
                .post("/api/touchpoints/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        StringBuilder huge = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            huge.append(i == 0 ? "" : ",").append("{}");
        }
        as("designer")
                .body(huge.append("]").toString())
                .post("/api/touchpoints/import")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }
}
