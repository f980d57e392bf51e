package org.voc.survey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.voc.survey.SurveyApiTest.as;
import static org.voc.survey.SurveyApiTest.create;
import static org.voc.survey.SurveyApiTest.touchpoint;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A survey declares its locales; a draft may lack wordings, publishing names every one that is missing. */
@QuarkusTest
class LocalesTest {

    static String survey(String locales, String... questions) {
        return """
                {"name": "Locales", "defaultLocale": "en", "locales": %s, "touchpointKeys": ["%s"],
                 "questions": [%s]}""".formatted(locales, touchpoint(), String.join(",", questions));
    }

    static final String NPS_EN_FR = """
            {"id": "nps", "type": "NPS", "required": true,
             "text": {"en": "How likely are you to recommend us?", "fr": "Recommanderiez-vous notre banque ?"}}""";
    static final String NPS_EN = """
            {"id": "nps", "type": "NPS", "required": true, "text": {"en": "How likely are you to recommend us?"}}""";
    static final String CHOICE_EN = """
            {"id": "channel", "type": "SINGLE_CHOICE", "text": {"en": "How did you contact us?",
             "fr": "Comment nous avez-vous contactés ?"},
             "options": [{"id": "phone", "text": {"en": "Phone", "fr": "Téléphone"}}, {"id": "chat",
              "text": {"en": "Chat"}}]}""";

    @Test
    void anIncompleteDraftIsSavedButNotPublished() {
        String id = create(survey(
                "[\"en\", \"fr\", \"de\"]",
                NPS_EN_FR,
                NPS_EN.replace("\"nps\"", "\"reason\"").replace("\"NPS\"", "\"TEXT\""),
                CHOICE_EN));
        as("designer").get("/api/surveys/" + id).then().statusCode(200).body("locales", contains("en", "fr", "de"));

        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:validation"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "questions[0].text[de]",
                                "questions[1].text[fr]",
                                "questions[1].text[de]",
                                "questions[2].text[de]",
                                "questions[2].options[0].text[de]",
                                "questions[2].options[1].text[fr]",
                                "questions[2].options[1].text[de]"));
        as("designer")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("latestVersion", equalTo(null));
    }

    @Test
    void aCompleteSurveyIsPublishedWithItsLocales() {
        String id = create(survey("[\"en\", \"fr\"]", NPS_EN_FR));
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("locales", contains("en", "fr"))
                .body("questions[0].text.fr", equalTo("Recommanderiez-vous notre banque ?"));
    }

    @Test
    void completingTheDraftMakesItPublishable() {
        String id = create(survey("[\"en\", \"fr\"]", NPS_EN));
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].text[fr]"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(survey("[\"en\", \"fr\"]", NPS_EN_FR))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(200);
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("version", equalTo(1));
    }

    @Test
    void localesMustIncludeTheDefaultAndCoverEveryWording() {
        as("designer")
                .body(survey("[\"fr\"]", NPS_EN_FR))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("locales"));
        as("designer")
                .body(survey("[\"en\"]", NPS_EN_FR))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].text[fr]"));
        as("designer")
                .body(survey("[\"en\", \"English\"]", NPS_EN))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("locales[1]"));
        as("designer")
                .body(survey("[\"en\", \"fr\"]", NPS_EN.replace("\"en\"", "\"fr\"")))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].text"));
    }

    @Test
    void withoutDeclaredLocalesTheFirstQuestionSetsThem() {
        String id = create(SurveyApiTest.body("Legacy", "[\"" + touchpoint() + "\"]", NPS_EN_FR));
        as("designer").get("/api/surveys/" + id).then().statusCode(200).body("locales", contains("en", "fr"));
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("locales", contains("en", "fr"));
    }
}
