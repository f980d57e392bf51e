package org.voc.touchpoint;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.voc.touchpoint.Api.as;
import static org.voc.touchpoint.Api.touchpoint;
import static org.voc.touchpoint.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JourneyApiTest {

    static String journey(String key, String stage1, String stage2, String... keys) {
        return """
                {"key": "%s", "name": "Card onboarding", "description": "From application to first use",
                 "stages": [{"name": "%s", "touchpointKeys": ["%s"]},
                            {"name": "%s", "touchpointKeys": ["%s", "%s"]}]
                }""".formatted(key, stage1, keys[0], stage2, keys[1], keys[2]);
    }

    @Test
    void createsReadsChangesListsAndDeletesAJourney() {
        String a = unique("tp");
        String b = unique("tp");
        for (String key : new String[] {a, b}) {
            as("designer")
                    .body(touchpoint(key, "WEB", "ONBOARDING", "DIRECT", "RETAIL", "web-team", ""))
                    .post("/api/touchpoints")
                    .then()
                    .statusCode(201);
        }
        String key = unique("journey");
        as("designer")
                .body(journey(key, "Apply", "Receive card", a, a, b))
                .post("/api/journeys")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/journeys/" + key))
                .header("ETag", equalTo("\"0\""))
                .body("stages.name", contains("Apply", "Receive card"))
                .body("stages[1].touchpointKeys", contains(a, b));
        String other = unique("journey");
        as("designer")
                .body(journey(other, "Use", "Renew", b, b, b))
                .post("/api/journeys")
                .then()
                .statusCode(201)
                .body("stages[1].touchpointKeys", contains(b));

        // One touchpoint in several journeys, listed in key order.
        as("agent")
                .queryParam("touchpoint", b)
                .get("/api/journeys")
                .then()
                .statusCode(200)
                .body(
                        "items.key",
                        contains(java.util.stream.Stream.of(key, other).sorted().toArray()));
        as("agent")
                .queryParam("touchpoint", a)
                .get("/api/journeys")
                .then()
                .statusCode(200)
                .body("items.key", contains(key));

        as("admin")
                .header("If-Match", "\"0\"")
                .body(journey(key, "Apply", "Activate", a, b, a))
                .put("/api/journeys/" + key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("stages[1].name", equalTo("Activate"));
        as("admin")
                .header("If-Match", "\"0\"")
                .body(journey(key, "Apply", "Activate", a, b, a))
                .put("/api/journeys/" + key)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as("admin")
                .body(journey(key, "Apply", "Activate", a, b, a))
                .put("/api/journeys/" + key)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("admin")
                .header("If-Match", "\"0\"")
                .delete("/api/journeys/" + key)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as("admin")
                .header("If-Match", "\"1\"")
                .delete("/api/journeys/" + key)
                .then()
                .statusCode(204);
        as("analyst").get("/api/journeys/" + key).then().statusCode(404).contentType("application/problem+json");
        // The touchpoints stay.
        as("analyst").get("/api/touchpoints/" + a).then().statusCode(200);
    }

    @Test
    void errorsAreProblemDetails() {
        String a = unique("tp");
        as("designer")
                .body(touchpoint(a, "WEB", "ONBOARDING", "DIRECT", "RETAIL", "web-team", ""))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        as("designer")
                .body(journey(unique("journey"), "Apply", "Receive", a, a, "no-such-touchpoint"))
                .post("/api/journeys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("stages[1].touchpointKeys[1]"));
        as("designer")
                .body(journey(unique("journey"), "Apply", "Apply", a, a, a))
                .post("/api/journeys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stages[1].name"));
        as("designer")
                .body("{\"key\": \"j-no-stages\", \"name\": \"x\"}")
                .post("/api/journeys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stages"));
        as("designer")
                .body(journey(unique("journey"), "", "Receive", a, a, a))
                .post("/api/journeys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stages[0].name"));
        String key = unique("journey");
        as("designer")
                .body(journey(key, "Apply", "Receive", a, a, a))
                .post("/api/journeys")
                .then()
                .statusCode(201);
        as("designer")
                .body(journey(key, "Apply", "Receive", a, a, a))
                .post("/api/journeys")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("key"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(journey("another-key", "Apply", "Receive", a, a, a))
                .put("/api/journeys/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("key"));
        as("designer")
                .header("If-Match", "\"0\"")
                .delete("/api/journeys/no-such-journey")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("designer")
                .header("If-Match", "zero")
                .delete("/api/journeys/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        as("analyst")
                .get("/api/journeys/no-such-journey/coverage")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("analyst")
                .queryParam("format", "xlsx")
                .get("/api/journeys/" + key + "/coverage")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }
}
