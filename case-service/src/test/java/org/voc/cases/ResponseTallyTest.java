package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.voc.cases.messaging.ResponseConsumer;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;

/**
 * The response tally per touchpoint and UTC day, the Pareto's denominators: every response counted once, whether
 * it opens a case or not, also when Kafka delivers a whole poll again (a consumer that died before committing its
 * offsets) or a response twice in one poll. The poll is handed to the consumer as Kafka hands it.
 */
@QuarkusTest
class ResponseTallyTest {

    private static final Instant LATE = Instant.parse("2026-11-24T23:59:59.999Z");
    private static final Instant EARLY = Instant.parse("2026-11-25T00:00:00Z");

    @Inject
    ResponseConsumer consumer;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRedeliveredPollCountsNothingTwice() throws Exception {
        String touchpoint = "tp-tally-" + Events.unique();
        List<ResponseSubmitted> responses = new ArrayList<>();
        // 24 November, the day's last millisecond in UTC: 10, 9, 8, 3, and one without NPS
        for (Integer nps : new Integer[] {10, 9, 8, 3, null}) {
            responses.add(response(touchpoint, LATE, nps));
        }
        // 25 November, its first instant: 7, 6, 0, 0
        for (Integer nps : new Integer[] {7, 6, 0, 0}) {
            responses.add(response(touchpoint, EARLY, nps));
        }
        // the same response twice in one poll, as a producer's retry puts it on the topic
        List<ResponseSubmitted> sent = new ArrayList<>(responses);
        sent.add(responses.get(0));

        ConsumerRecords<String, String> poll = poll(sent);
        consumer.consume(poll);
        Map<String, List<Long>> once = tally(touchpoint);
        consumer.consume(poll);
        consumer.consume(poll(responses.subList(3, 6)));

        Map<String, List<Long>> expected = new TreeMap<>();
        // responses, NPS answers, promoters, passives, detractors
        expected.put("2026-11-24", List.of(5L, 4L, 2L, 1L, 1L));
        expected.put("2026-11-25", List.of(4L, 4L, 0L, 1L, 3L));
        assertEquals(expected, once);
        assertEquals(expected, tally(touchpoint), "redelivered: unchanged");
        assertEquals(4, Cases.list(Map.of("touchpoint", touchpoint)).size(), "the detractors' cases, once each");
    }

    private static ResponseSubmitted response(String touchpoint, Instant at, Integer nps) {
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                touchpoint,
                "WEB",
                "cust-" + Events.unique(),
                at,
                nps,
                nps == null
                        ? List.of(new ResponseSubmitted.Answer("csat", "CSAT", 4, null))
                        : List.of(new ResponseSubmitted.Answer("nps", "NPS", nps, null)));
    }

    private ConsumerRecords<String, String> poll(List<ResponseSubmitted> responses) throws Exception {
        TopicPartition partition = new TopicPartition(Topics.RESPONSES, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long offset = 0;
        for (ResponseSubmitted r : responses) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(
                    Topics.RESPONSES, 0, offset++, r.responseId().toString(), json.writeValueAsString(r));
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, ResponseSubmitted.TYPE.type());
            header(record, CloudEventHeaders.SOURCE, "/response-tally-test");
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            records.add(record);
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of(partition, new OffsetAndMetadata(offset)));
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The tally rows of the touchpoint by day: responses, NPS answers, promoters, passives, detractors. */
    private Map<String, List<Long>> tally(String touchpoint) throws Exception {
        Map<String, List<Long>> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select day::text, responses, nps_answers, promoters,"
                        + " passives, detractors from response_tally where touchpoint_key = ?")) {
            s.setString(1, touchpoint);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.put(
                            r.getString(1),
                            List.of(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)));
                }
            }
        }
        return rows;
    }
}
