package org.voc.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/** An accepted response is published once on voc.responses, as a CloudEvent keyed by the response id. */
@QuarkusTest
class ResponseEventsTest {

    @Test
    void anAcceptedResponseIsPublishedOnce() throws Exception {
        Surveys.Survey survey = Surveys.single();
        Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
        String id = (String) body.get("id");
        Surveys.submit(body).then().statusCode(201);
        Surveys.submit(body).then().statusCode(200); // a replay publishes nothing

        try (TopicReader reader = new TopicReader(Topics.RESPONSES)) {
            List<TopicReader.Event> events = reader.awaitAll(e -> id.equals(e.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, events.size(), "exactly one event for the response, also after a replay");
            TopicReader.Event event = events.get(0);
            assertEquals("voc.response.submitted.v1", event.headers().get("ce_type"));
            assertEquals("/response-service", event.headers().get("ce_source"));
            assertEquals("1.0", event.headers().get("ce_specversion"));
            assertEquals("application/json", event.headers().get("content-type"));
            assertTrue(event.headers().containsKey("ce_id") && event.headers().containsKey("ce_time"));

            JsonNode payload = Surveys.JSON.readTree(event.value());
            assertEquals(id, payload.get("responseId").asText());
            assertEquals(survey.id().toString(), payload.get("surveyId").asText());
            assertEquals(1, payload.get("surveyVersion").asInt());
            assertEquals(survey.touchpointKey(), payload.get("touchpointKey").asText());
            assertEquals("BRANCH", payload.get("channel").asText());
            assertEquals(body.get("customerRef"), payload.get("customerRef").asText());
            assertEquals(body.get("respondedAt"), payload.get("respondedAt").asText());
            assertEquals(3, payload.get("nps").asInt());
            JsonNode answers = payload.get("answers");
            assertEquals(2, answers.size());
            assertEquals("nps", answers.get(0).get("questionId").asText());
            assertEquals("NPS", answers.get(0).get("type").asText());
            assertEquals(3, answers.get(0).get("score").asInt());
            assertEquals("reason", answers.get(1).get("questionId").asText());
            assertEquals("The card came a week late", answers.get(1).get("text").asText());
        }
    }
}
