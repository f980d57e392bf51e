package org.voc.touchpoint;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/** Registering and changing a touchpoint publishes its full state, as CloudEvents, on the compacted topic. */
@QuarkusTest
class TouchpointEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyRevisionIsPublishedAsFullState() throws Exception {
        String key = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth()
                .oauth2(Tokens.user("designer"))
                .contentType(ContentType.JSON)
                .body(TouchpointApiTest.body(key, "CHAT", "chat-team"))
                .post("/api/touchpoints")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(TouchpointApiTest.body(key, "CHAT", "service-team"))
                .put("/api/touchpoints/" + key)
                .then()
                .statusCode(200);

        try (TopicReader reader = new TopicReader(Topics.TOUCHPOINTS)) {
            List<TopicReader.Event> events = reader.awaitMatching(
                    e -> id.equals(e.key()) && e.value().contains("service-team"), Duration.ofSeconds(20));
            assertEquals(1, events.size(), "the changed state reaches the topic");
            TopicReader.Event event = events.get(0);
            assertEquals("voc.touchpoint.state.v1", event.headers().get("ce_type"));
            assertEquals("/touchpoint-registry", event.headers().get("ce_source"));
            assertEquals("1.0", event.headers().get("ce_specversion"));
            assertTrue(event.headers().containsKey("ce_id") && event.headers().containsKey("ce_time"));
            JsonNode state = json.readTree(event.value());
            assertEquals(key, state.get("key").asText());
            assertEquals(1, state.get("revision").asLong());
            assertEquals("CHAT", state.get("channel").asText());
            assertEquals("service-team", state.get("ownerTeam").asText());
        }
    }
}
