package org.voc.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/** Every published version reaches the compacted voc.surveys topic as a CloudEvent keyed by surveyId:version. */
@QuarkusTest
class SurveyEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachPublishedVersionIsAnEventKeyedBySurveyAndVersion() throws Exception {
        String touchpoint = SurveyApiTest.touchpoint();
        String ces = """
                {"id": "effort", "type": "CES", "required": false, "text": {"en": "How easy was it?"}}""";
        String csat = """
                {"id": "satisfaction", "type": "CSAT", "required": true, "text": {"en": "How satisfied are you?"}}""";
        String id = SurveyApiTest.create(SurveyApiTest.body(
                "Card delivery NPS", "[\"" + touchpoint + "\"]", SurveyApiTest.NPS, SurveyApiTest.REASON, ces, csat));
        String publishedAt = SurveyApiTest.as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .extract()
                .path("publishedAt");

        JsonNode first;
        String firstEventId;
        try (TopicReader reader = new TopicReader(Topics.SURVEYS)) {
            List<TopicReader.Event> events =
                    reader.awaitMatching(e -> (id + ":1").equals(e.key()), Duration.ofSeconds(20));
            assertEquals(1, events.size(), "version 1 reaches the topic once");
            TopicReader.Event event = events.get(0);
            assertEquals("voc.survey.version-published.v1", event.headers().get("ce_type"));
            assertEquals("/survey-service", event.headers().get("ce_source"));
            assertEquals("1.0", event.headers().get("ce_specversion"));
            assertEquals("application/json", event.headers().get("content-type"));
            assertTrue(event.headers().containsKey("ce_id") && event.headers().containsKey("ce_time"));
            firstEventId = event.headers().get("ce_id");
            first = json.readTree(event.value());
        }
        assertEquals(id, first.get("surveyId").asText());
        assertEquals(1, first.get("version").asInt());
        assertEquals("Card delivery NPS", first.get("name").asText());
        assertEquals("en", first.get("defaultLocale").asText());
        assertEquals(1, first.get("touchpointKeys").size());
        assertEquals(touchpoint, first.get("touchpointKeys").get(0).asText());
        assertEquals(publishedAt, first.get("publishedAt").asText());
        JsonNode questions = first.get("questions");
        assertEquals(4, questions.size());
        assertQuestion(questions.get(0), "nps", "NPS", true, 0, 10);
        assertQuestion(questions.get(1), "reason", "TEXT", false, null, null);
        assertQuestion(questions.get(2), "effort", "CES", false, 1, 7);
        assertQuestion(questions.get(3), "satisfaction", "CSAT", true, 1, 5);
        assertEquals(
                "How likely are you to recommend us to a friend or colleague?",
                questions.get(0).get("text").get("en").asText());

        String etag = SurveyApiTest.as("designer")
                .get("/api/surveys/" + id)
                .then()
                .extract()
                .header("ETag");
        SurveyApiTest.as("designer")
                .header("If-Match", etag)
                .body(SurveyApiTest.body("Card delivery NPS v2", "[\"" + touchpoint + "\"]", SurveyApiTest.NPS))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(200);
        SurveyApiTest.as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201);

        try (TopicReader reader = new TopicReader(Topics.SURVEYS)) {
            List<TopicReader.Event> events =
                    reader.awaitMatching(e -> (id + ":2").equals(e.key()), Duration.ofSeconds(20));
            assertEquals(1, events.size(), "version 2 reaches the topic under its own key");
            JsonNode second = json.readTree(events.get(0).value());
            assertEquals(2, second.get("version").asInt());
            assertEquals("Card delivery NPS v2", second.get("name").asText());
            assertEquals(1, second.get("questions").size());
            assertNotEquals(firstEventId, events.get(0).headers().get("ce_id"), "each event has its own ce_id");
        }
    }

    private static void assertQuestion(JsonNode q, String id, String type, boolean required, Integer min, Integer max) {
        assertEquals(id, q.get("id").asText());
        assertEquals(type, q.get("type").asText());
        assertEquals(required, q.get("required").asBoolean());
        assertEquals(min, q.get("min").isNull() ? null : q.get("min").asInt(), id + " min");
        assertEquals(max, q.get("max").isNull() ? null : q.get("max").asInt(), id + " max");
    }
}
