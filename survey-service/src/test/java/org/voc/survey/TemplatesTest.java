package org.voc.survey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.voc.survey.SurveyApiTest.as;
import static org.voc.survey.SurveyApiTest.touchpoint;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standard programs as ready templates, each one publishable as it comes. */
@QuarkusTest
class TemplatesTest {

    @Test
    void theStandardTemplatesAreListed() {
        as("designer")
                .get("/api/survey-templates")
                .then()
                .statusCode(200)
                .body(
                        "key",
                        containsInAnyOrder(
                                "relationship-nps",
                                "transactional-csat",
                                "ces-service-request",
                                "loyalty-index",
                                "case-recovery"))
                .body("find { it.key == 'case-recovery' }.questions.type", contains("CSAT", "NPS", "TEXT"))
                .body(
                        "find { it.key == 'loyalty-index' }.questions.type",
                        contains("NPS", "CLI_REPURCHASE", "CLI_CROSS_BUY", "TEXT"))
                .body("find { it.key == 'relationship-nps' }.questions[1].showIf.operator", equalTo("LE"))
                .body("find { it.key == 'relationship-nps' }.questions[1].showIf.value", equalTo(6))
                .body(
                        "find { it.key == 'ces-service-request' }.questions[0].text.en",
                        org.hamcrest.Matchers.containsString("made it easy for me"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"relationship-nps", "transactional-csat", "ces-service-request", "loyalty-index", "case-recovery"
            })
    void eachTemplateBecomesAPublishableDraft(String template) {
        String touchpoint = touchpoint();
        String id = as("designer")
                .body("{\"name\": \"From " + template + "\", \"touchpointKeys\": [\"" + touchpoint + "\"]}")
                .post("/api/surveys/from-template/" + template)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("name", equalTo("From " + template))
                .body("touchpointKeys", contains(touchpoint))
                .body("questions[0].text.en", not(emptyOrNullString()))
                .extract()
                .path("id");
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("version", equalTo(1));
    }

    @Test
    void withoutABodyTheTemplateNameIsUsed() {
        as("designer")
                .post("/api/surveys/from-template/loyalty-index")
                .then()
                .statusCode(201)
                .body("name", equalTo("Customer loyalty index"))
                .body("touchpointKeys.size()", equalTo(0));
    }

    @Test
    void anUnknownTemplateIsNotFoundAndABadBodyIsNamed() {
        as("designer")
                .post("/api/surveys/from-template/nps-deluxe")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("designer")
                .body("{\"touchpointKeys\": [\"Not A Slug\"]}")
                .post("/api/surveys/from-template/loyalty-index")
                .then()
                .statusCode(400)
                .body("errors.field", contains("touchpointKeys[0]"));
    }
}
