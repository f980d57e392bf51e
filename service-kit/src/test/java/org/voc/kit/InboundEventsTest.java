package org.voc.kit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.CloudEventHeaders;
import org.voc.kit.inbound.DeadLetters;
import org.voc.kit.inbound.InboundConfig;
import org.voc.kit.inbound.InboundEvents;
import org.voc.testsupport.TopicReader;

/**
 * The inbound-event policy against the real broker and database: every record of a poll is either applied or on
 * the dead-letter topic with its reason and offset, a poison record never holds up the records after it, and a
 * transient database failure is waited out instead of dead-lettering.
 */
@QuarkusTest
class InboundEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    DeadLetters deadLetters;

    @Inject
    InboundConfig inboundConfig;

    @BeforeAll
    static void topics() throws Exception {
        Kafka.createTopics();
    }

    @Test
    void poisonRecordsAreDeadLetteredWhileTheValidOnesAreApplied() throws Exception {
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        double rejectedBefore = rejected();
        Kafka.send(List.of(
                Kafka.record(first.toString(), KitEvent.TYPE.type(), json(first, "first")),
                Kafka.record(run + "-unreadable", KitEvent.TYPE.type(), "this is not JSON"),
                Kafka.record(run + "-invalid", KitEvent.TYPE.type(), "{\"name\": \"no id\"}"),
                Kafka.record(run + "-reserved", KitEvent.TYPE.type(), json(UUID.randomUUID(), "reserved")),
                Kafka.record(run + "-unknown-type", "kit.other.v1", json(UUID.randomUUID(), "other")),
                Kafka.record(run + "-too-long", KitEvent.TYPE.type(), json(UUID.randomUUID(), "x".repeat(21))),
                Kafka.record(run + "-nul", null, json(UUID.randomUUID(), "nul\\u0000char")),
                Kafka.record(run + "-ignored", KitEvent.Note.TYPE.type(), "{\"text\": \"not for this consumer\"}"),
                Kafka.record(last.toString(), null, json(last, "last"))));

        await().atMost(PATIENCE).until(() -> names(first, last).size() == 2);
        assertEquals(
                Map.of(first, "first", last, "last"),
                names(first, last),
                "the records around the poison ones are applied, the last one without a ce_type header too");

        try (TopicReader dlq = new TopicReader(Kafka.DLQ)) {
            List<TopicReader.Event> letters =
                    dlq.awaitAll(e -> e.key() != null && e.key().startsWith(run), 6, PATIENCE);
            Map<String, TopicReader.Event> byKey =
                    letters.stream().collect(Collectors.toMap(e -> e.key().substring(run.length() + 1), e -> e));
            assertEquals(
                    Set.of("unreadable", "invalid", "reserved", "unknown-type", "too-long", "nul"),
                    byKey.keySet(),
                    "every record that can never be applied is dead-lettered, the ignored type is not");
            assertEquals(
                    "id must not be null",
                    byKey.get("invalid").headers().get("dlq-reason"),
                    "the contract's constraints on the payload record are checked");
            assertEquals(
                    "the name reserved is taken",
                    byKey.get("reserved").headers().get("dlq-reason"),
                    "and then the consumer's own check");
            assertTrue(byKey.get("unknown-type").headers().get("dlq-reason").contains("kit.other.v1"));
            assertTrue(
                    byKey.get("too-long").headers().get("dlq-reason").contains("too long"),
                    "the database's refusal is the reason: "
                            + byKey.get("too-long").headers());
            assertEquals("this is not JSON", byKey.get("unreadable").value(), "the dead letter keeps the value");
            assertEquals(Kafka.TOPIC, byKey.get("nul").headers().get("dlq-topic"));
            assertTrue(Long.parseLong(byKey.get("nul").headers().get("dlq-offset")) >= 0);
            assertEquals(
                    KitEvent.TYPE.type(),
                    byKey.get("too-long").headers().get("ce_type"),
                    "the original headers travel with the dead letter");
        }
        assertEquals(rejectedBefore + 6, rejected(), "each dead letter is counted");
    }

    @Test
    void aTransientDatabaseFailureIsRetriedNotDeadLettered() throws Exception {
        UUID id = UUID.randomUUID();
        double retriesBefore = retries();
        try (Connection connection = dataSource.getConnection();
                Statement lock = connection.createStatement()) {
            connection.setAutoCommit(false);
            lock.execute("lock table kit_item in access exclusive mode");
            Kafka.send(List.of(Kafka.record(id.toString(), KitEvent.TYPE.type(), json(id, "patient"))));
            await().atMost(PATIENCE).until(() -> retries() >= retriesBefore + 2);
            connection.rollback();
        }
        await().atMost(PATIENCE).until(() -> names(id).size() == 1);
        assertEquals("patient", names(id).get(id));
        try (TopicReader dlq = new TopicReader(Kafka.DLQ)) {
            assertTrue(
                    dlq.awaitMatching(e -> id.toString().equals(e.key()), Duration.ofSeconds(2))
                            .isEmpty(),
                    "a record that only waited for a lock is not a dead letter");
        }
    }

    @Test
    void aPollThatFailsWhileTheServiceStopsIsLeftForTheNextOwnerNotDeadLettered() {
        // An instance of its own, so that stopping it leaves the application's consumers alone.
        InboundEvents stopping = new InboundEvents(json, validator, deadLetters, inboundConfig, registry);
        stopping.stop(null);
        UUID id = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, KitEvent.TYPE.type().getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Kafka.TOPIC,
                0,
                42L,
                0L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                id.toString(),
                json(id, "closing"),
                headers,
                Optional.empty());
        ConsumerRecords<String, String> poll =
                new ConsumerRecords<>(Map.of(new TopicPartition(Kafka.TOPIC, 0), List.of(record)), Map.of());
        double rejectedBefore = rejected();

        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> stopping.consume(poll, KitEvent.TYPE, events -> {
                    throw new IllegalStateException("This pool is closed and does not handle any more connections!");
                }));

        assertTrue(failure.getMessage().startsWith("stopping"), failure.getMessage());
        assertEquals(rejectedBefore, rejected(), "nothing is dead-lettered: the next owner reads the poll again");
    }

    private double rejected() {
        var counter =
                registry.find("voc.events.rejected").tag("topic", Kafka.TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private double retries() {
        var counter =
                registry.find("voc.events.retries").tag("topic", Kafka.TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<UUID, String> names(UUID... ids) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("select id, name from kit_item where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            Map<UUID, String> names = new java.util.HashMap<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            return names;
        }
    }

    private static String json(UUID id, String name) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\"}";
    }
}
