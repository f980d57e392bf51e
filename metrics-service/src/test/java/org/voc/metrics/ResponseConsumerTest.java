package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;
import org.voc.testsupport.TopicReader;

/** Consuming voc.responses: each response counts once, and unreadable records are skipped, not fatal. */
@QuarkusTest
class ResponseConsumerTest {

    private static final Pattern REJECTED = Pattern.compile(
            "^voc_events_rejected_total\\{[^}]*topic=\"voc\\.responses\"[^}]*\\} ([0-9.E]+)$", Pattern.MULTILINE);

    private static ResponseTopic topic;

    @BeforeAll
    static void open() {
        topic = new ResponseTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void theSameResponseSentAgainCountsOnce() {
        String tp = ResponseTopic.touchpoint("dup");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        ResponseSubmitted promoter = ResponseTopic.response(tp, "APP", at, 10);
        ResponseSubmitted detractor = ResponseTopic.response(tp, "APP", at, 1);
        topic.send(promoter);
        topic.send(promoter); // right after: most likely in the same poll batch
        topic.send(detractor);
        topic.awaitConsumed();
        topic.send(promoter); // later: in another batch
        topic.send(detractor, UUID.randomUUID().toString()); // re-published under a new event id
        topic.awaitConsumed();

        JsonPath nps = ResponseTopic.nps(Map.of("touchpoint", tp));
        assertEquals(2, nps.getLong("n"));
        assertEquals(1, nps.getLong("promoters"));
        assertEquals(0, nps.getLong("passives"));
        assertEquals(1, nps.getLong("detractors"));
    }

    @Test
    void resendingAWholeBatchChangesNothing() {
        String tp = ResponseTopic.touchpoint("replay");
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        List<ResponseSubmitted> batch = new ArrayList<>();
        for (int score = 0; score <= 10; score++) {
            batch.add(ResponseTopic.response(tp, score % 2 == 0 ? "WEB" : "SMS", at, score));
        }
        batch.forEach(topic::send);
        topic.awaitConsumed();
        JsonPath before = ResponseTopic.nps(Map.of("touchpoint", tp));
        assertEquals(11, before.getLong("n"));

        batch.forEach(topic::send);
        topic.awaitConsumed();
        JsonPath after = ResponseTopic.nps(Map.of("touchpoint", tp));
        for (String count : List.of("n", "promoters", "passives", "detractors")) {
            assertEquals(before.getLong(count), after.getLong(count), count);
        }
        assertEquals(2, after.getLong("promoters"));
        assertEquals(2, after.getLong("passives"));
        assertEquals(7, after.getLong("detractors"));
    }

    @Test
    void unreadableRecordsAreDeadLetteredAndLaterEventsStillCount() {
        double rejectedBefore = rejected();
        String tp = ResponseTopic.touchpoint("poison");
        for (int p = 0; p < topic.partitions(); p++) {
            topic.sendRaw(p, tp + "-poison-" + p, "this is not JSON {");
        }
        topic.sendRaw(0, tp + "-bad-score", """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "touchpointKey": "%s",
                 "respondedAt": "%s", "nps": 42}""".formatted(UUID.randomUUID(), UUID.randomUUID(), tp, Instant.now()));
        // PostgreSQL cannot store NUL in text: the record is refused as it is read, and only it is dead-lettered.
        topic.sendRaw(0, tp + "-nul", """
                {"responseId": "%s", "surveyId": "%s", "surveyVersion": 1, "touchpointKey": "%s\\u0000",
                 "respondedAt": "%s", "nps": 7}""".formatted(UUID.randomUUID(), UUID.randomUUID(), tp, Instant.now()));
        topic.send(ResponseTopic.response(tp, "WEB", Instant.now(), 9));
        topic.send(ResponseTopic.response(tp, "WEB", Instant.now(), 8));
        topic.awaitConsumed();

        JsonPath nps = ResponseTopic.nps(Map.of("touchpoint", tp));
        assertEquals(2, nps.getLong("n"));
        assertEquals(1, nps.getLong("promoters"));
        assertEquals(1, nps.getLong("passives"));
        double rejected = rejected() - rejectedBefore;
        assertTrue(rejected >= topic.partitions() + 2, "rejections are counted, saw " + rejected);

        try (TopicReader dlq = new TopicReader("voc.responses.dlq")) {
            // Two consumer groups of this service read voc.responses (the NPS roll-ups and the funnel's answered
            // step), and each dead-letters what it cannot read.
            int expected = 2 * (topic.partitions() + 2);
            List<TopicReader.Event> all =
                    dlq.awaitAll(e -> e.key() != null && e.key().startsWith(tp), expected, Duration.ofSeconds(30));
            assertEquals(expected, all.size(), "one dead letter per poison record and consumer group");
            Map<String, TopicReader.Event> letters =
                    all.stream().collect(Collectors.toMap(TopicReader.Event::key, e -> e, (a, b) -> a));
            assertEquals(topic.partitions() + 2, letters.size(), "every poison record is on the dead-letter topic");
            assertTrue(letters.get(tp + "-bad-score")
                    .headers()
                    .get("dlq-reason")
                    .contains("nps must be less than or equal to 10"));
            assertTrue(
                    letters.get(tp + "-nul").headers().get("dlq-reason").contains("must not contain NUL characters"),
                    letters.get(tp + "-nul").headers().toString());
            assertEquals("this is not JSON {", letters.get(tp + "-poison-0").value());
            assertEquals(
                    "voc.responses", letters.get(tp + "-poison-0").headers().get("dlq-topic"));
        }
    }

    /** voc.events.rejected as Prometheus shows it; absent until the first rejection. */
    private static double rejected() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = REJECTED.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
