package org.voc.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.events.ActionDone;
import org.voc.events.ActionVerified;
import org.voc.events.Topics;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TopicReader;

/**
 * "You said, we did" (docs/improvement.md): a verified improvement action read from voc.actions is announced on
 * voc.announcements once per part, to its customers minus those who opted out of contact or were erased; the other
 * events of voc.actions are skipped, not dead-lettered, and a part that breaks the contract is.
 */
@QuarkusTest
class AnnouncementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aVerifiedActionIsAnnouncedOnceToTheCustomersContactGovernanceAllows() throws Exception {
        String told = unique("cust");
        String alsoTold = unique("cust");
        String optedOut = unique("cust");
        String erased = unique("cust");
        ingest().body("{\"reason\": \"no more surveys\"}")
                .put("/api/opt-outs/" + optedOut)
                .then()
                .statusCode(200);
        as("privacy")
                .body("{\"customerRef\": \"" + erased + "\"}")
                .post("/api/erasures")
                .then()
                .statusCode(202);
        UUID action = UUID.randomUUID();
        Instant verifiedAt = Instant.parse("2026-11-30T10:00:00Z");
        ActionVerified verified = new ActionVerified(
                action,
                "Courier calls before delivery",
                List.of("card-delivery"),
                List.of(told, optedOut, erased, alsoTold, told),
                1,
                1,
                verifiedAt);

        try (TopicReader announced = new TopicReader(Topics.ANNOUNCEMENTS);
                TopicReader dead = new TopicReader(Topics.ACTIONS + ".dlq");
                EventProducer producer = new EventProducer()) {
            producer.publish(ActionDone.TYPE.of(new ActionDone(
                    action,
                    "Courier calls before delivery",
                    "cards-ops",
                    List.of("card-delivery"),
                    "nps",
                    null,
                    40.0,
                    Instant.parse("2026-10-01T00:00:00Z"),
                    28,
                    30)));
            producer.publish(ActionVerified.TYPE.of(verified));
            producer.publish(ActionVerified.TYPE.of(verified)); // a redelivery, under a new ce_id

            List<TopicReader.Event> events =
                    announced.awaitAll(e -> action.toString().equals(e.key()), 1, PATIENCE);
            assertEquals(1, events.size(), "one announcement for the part, redelivery or not: " + events);
            TopicReader.Event event = events.get(0);
            assertEquals("voc.action.announced.v1", event.headers().get("ce_type"));
            assertEquals("/survey-service", event.headers().get("ce_source"));
            JsonNode payload = JSON.readTree(event.value());
            assertEquals(List.of(told, alsoTold), strings(payload.get("customerRefs")));
            assertEquals(2, payload.get("excluded").asInt(), "the opted-out and the erased customer");
            assertEquals("Courier calls before delivery", payload.get("title").asText());
            assertEquals(List.of("card-delivery"), strings(payload.get("touchpointKeys")));
            assertEquals(1, payload.get("part").asInt());
            assertEquals(1, payload.get("parts").asInt());
            assertEquals(verifiedAt, Instant.parse(payload.get("verifiedAt").asText()));
            assertTrue(
                    dead.awaitMatching(e -> action.toString().equals(e.key()), Duration.ofSeconds(2))
                            .isEmpty(),
                    "the DONE event on the same topic is skipped, not a dead letter");
        }
    }

    @Test
    void aPartThatBreaksTheContractIsADeadLetter() {
        UUID action = UUID.randomUUID();
        try (TopicReader announced = new TopicReader(Topics.ANNOUNCEMENTS);
                TopicReader dead = new TopicReader(Topics.ACTIONS + ".dlq");
                EventProducer producer = new EventProducer()) {
            producer.send(
                    Topics.ACTIONS,
                    null,
                    action.toString(),
                    ActionVerified.TYPE.type(),
                    "{\"actionId\": \"" + action + "\", \"title\": \"No touchpoints\", \"touchpointKeys\": [],"
                            + " \"customerRefs\": [\"c-1\"], \"part\": 1, \"parts\": 1,"
                            + " \"verifiedAt\": \"2026-11-30T10:00:00Z\"}",
                    UUID.randomUUID().toString());
            List<TopicReader.Event> letters =
                    dead.awaitMatching(e -> action.toString().equals(e.key()), PATIENCE);
            assertEquals(1, letters.size());
            assertTrue(
                    letters.get(0).headers().get("dlq-reason").contains("touchpointKeys"),
                    letters.get(0).headers().toString());
            assertTrue(announced
                    .awaitMatching(e -> action.toString().equals(e.key()), Duration.ofSeconds(2))
                    .isEmpty());
        }
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
