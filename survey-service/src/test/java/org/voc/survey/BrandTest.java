package org.voc.survey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.survey.SurveyApiTest.as;
import static org.voc.survey.SurveyApiTest.create;
import static org.voc.survey.SurveyApiTest.touchpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * A survey's brand (name, https logo, accent colour) is kept with the draft, frozen into each version and carried
 * to the respondent page by the version event; publish refuses an accent too light for white text (WCAG AA).
 */
@QuarkusTest
class BrandTest {

    static String survey(String brand) {
        return """
                {"name": "Branded", "defaultLocale": "en", "touchpointKeys": ["%s"], "questions": [%s],
                 "brand": %s}""".formatted(touchpoint(), SurveyApiTest.NPS, brand);
    }

    static String brand(String accent) {
        return """
                {"name": "Bank & Co", "logoUrl": "https://cdn.example.com/bank-logo.svg",
                 "accentColor": "%s"}""".formatted(accent);
    }

    @Test
    void publishRefusesAnAccentBelowFourAndAHalfToOneAndTakesOneJustAbove() throws Exception {
        String id = create(survey(brand("#777777")));
        as("designer").get("/api/surveys/" + id).then().statusCode(200).body("brand.accentColor", equalTo("#777777"));

        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("errors.field", contains("brand.accentColor"))
                .body("errors[0].message", containsString("4.48:1"))
                .body("detail", containsString("4.5:1"));
        as("designer")
                .get("/api/surveys/" + id)
                .then()
                .body("status", equalTo("DRAFT"))
                .body("latestVersion", nullValue());

        as("designer")
                .header("If-Match", "\"0\"")
                .body(survey(brand("#767676")).replace("Branded", "Branded v1"))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("brand.name", equalTo("Bank & Co"));
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("brand.name", equalTo("Bank & Co"))
                .body("brand.logoUrl", equalTo("https://cdn.example.com/bank-logo.svg"))
                .body("brand.accentColor", equalTo("#767676"));
        as("analyst")
                .get("/api/surveys/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("brand.accentColor", equalTo("#767676"));

        try (TopicReader reader = new TopicReader(Topics.SURVEYS)) {
            List<TopicReader.Event> events =
                    reader.awaitMatching(e -> (id + ":1").equals(e.key()), Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonNode brand = new ObjectMapper().readTree(events.get(0).value()).get("brand");
            assertEquals("Bank & Co", brand.get("name").asText());
            assertEquals(
                    "https://cdn.example.com/bank-logo.svg",
                    brand.get("logoUrl").asText());
            assertEquals("#767676", brand.get("accentColor").asText());
        }
    }

    @Test
    void aSurveyWithoutABrandPublishesNone() throws Exception {
        String id = create(SurveyApiTest.body("Plain", "[\"" + touchpoint() + "\"]", SurveyApiTest.NPS));
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("brand", nullValue());
        try (TopicReader reader = new TopicReader(Topics.SURVEYS)) {
            JsonNode event = new ObjectMapper()
                    .readTree(reader.awaitMatching(e -> (id + ":1").equals(e.key()), Duration.ofSeconds(20))
                            .get(0)
                            .value());
            assertTrue(event.get("brand") == null || event.get("brand").isNull(), event.toString());
        }
    }

    @Test
    void aBrandIsCheckedForShapeWhenTheDraftIsSaved() {
        as("designer")
                .body(survey(brand("blue")))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("brand.accentColor"));
        as("designer")
                .body(survey(brand("#0b5cad").replace("https://", "http://")))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("brand.logoUrl"));
        as("designer")
                .body(survey(brand("#0b5cad").replace("https://cdn.example.com", "https://user@cdn.example.com")))
                .post("/api/surveys")
                .then()
                .statusCode(400)
                .body("errors.field", contains("brand.logoUrl"));
        // Upper-case hex is the same colour: stored lower-case.
        String id = create(survey(brand("#0B5CAD")));
        as("designer").get("/api/surveys/" + id).then().body("brand.accentColor", equalTo("#0b5cad"));
    }
}
