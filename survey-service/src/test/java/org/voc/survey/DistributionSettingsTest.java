package org.voc.survey;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.publishedSurvey;
import static org.voc.survey.Distribution.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Distribution rules per survey: read, replace, and every invalid field named. */
@QuarkusTest
class DistributionSettingsTest {

    @Test
    void replacesAndReadsTheRules() {
        String tp = unique("tp");
        String survey = publishedSurvey(tp);
        as("analyst")
                .get("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("rules.size()", equalTo(0))
                .body("updatedAt", nullValue());
        String body = """
                {"enabled": true, "minGapPerCustomer": "P30D", "rules": [{"touchpointKeys": ["%s"],
                  "channels": ["BRANCH", "MOBILE_APP"], "segments": ["RETAIL"], "samplingRate": 0.25,
                  "invitationTtl": "P7D", "deliveryChannel": "SMS", "priority": 100},
                  {"touchpointKeys": ["%s"], "samplingRate": 1, "invitationTtl": "PT12H",
                   "deliveryChannel": "EMAIL"}]}""".formatted(tp, tp);
        as("designer")
                .body(body)
                .put("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("minGapPerCustomer", equalTo("P30D"))
                .body("updatedAt", notNullValue());
        as("analyst")
                .get("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(200)
                .body("rules[0].channels", equalTo(java.util.List.of("BRANCH", "MOBILE_APP")))
                .body("rules[0].samplingRate", equalTo(0.25f))
                .body("rules[0].invitationTtl", equalTo("P7D"))
                .body("rules[0].priority", equalTo(100))
                .body("rules[1].channels.size()", equalTo(0))
                .body("rules[1].invitationTtl", equalTo("PT12H"))
                .body("rules[1].priority", equalTo(0));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String tp = unique("tp");
        String survey = publishedSurvey(tp);
        as("designer")
                .body("""
                {"enabled": true, "minGapPerCustomer": "P30D", "rules": [{"touchpointKeys": ["%s", "elsewhere"],
                  "channels": ["APP"], "segments": [""], "samplingRate": 1.5, "invitationTtl": "PT30M",
                  "deliveryChannel": "FAX", "priority": 1}]}""".formatted(tp))
                .put("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        hasItems(
                                "rules[0].touchpointKeys[1]",
                                "rules[0].channels[0]",
                                "rules[0].segments[0]",
                                "rules[0].samplingRate",
                                "rules[0].invitationTtl",
                                "rules[0].deliveryChannel"));
        as("designer")
                .body("""
                {"enabled": true, "rules": [{"touchpointKeys": ["%s"], "invitationTtl": "P91D"}]}""".formatted(tp))
                .put("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems("rules[0].samplingRate", "rules[0].invitationTtl", "rules[0].deliveryChannel"));
        as("designer")
                .body("{\"rules\": []}")
                .put("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("enabled"));
        as("designer")
                .body("{\"enabled\": true, \"minGapPerCustomer\": \"soon\", \"rules\": []}")
                .put("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("minGapPerCustomer"));
        as("designer")
                .body("{\"enabled\": true, \"rules\": []}")
                .put("/api/surveys/" + UUID.randomUUID() + "/distribution")
                .then()
                .statusCode(404);
        as("designer").post("/api/surveys/" + survey + "/archive").then().statusCode(200);
        as("designer")
                .body("{\"enabled\": true, \"rules\": []}")
                .put("/api/surveys/" + survey + "/distribution")
                .then()
                .statusCode(409);
    }
}
