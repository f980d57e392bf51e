package org.voc.kit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.PayloadTooLarge;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.TopicReader;

/** The outbox and its relay against the real broker: what commits is published once, what rolls back never. */
@QuarkusTest
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void topics() throws Exception {
        Kafka.createTopics();
    }

    @Test
    void aCommittedEventIsPublishedAsACloudEventAndLeavesTheOutbox() throws Exception {
        KitEvent event = new KitEvent(UUID.randomUUID(), "published");
        KitEvent rolledBack = new KitEvent(UUID.randomUUID(), "rolled back");
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(KitEvent.TYPE.of(event)));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(KitEvent.TYPE.of(rolledBack));
                throw new IllegalStateException("the state change fails");
            });
        } catch (IllegalStateException expected) {
            // and so its event is never written
        }

        try (TopicReader topic = new TopicReader(Kafka.TOPIC)) {
            List<TopicReader.Event> events = topic.awaitAll(
                    e -> e.key().equals(event.id().toString())
                            || e.key().equals(rolledBack.id().toString()),
                    1,
                    Duration.ofSeconds(30));
            assertEquals(1, events.size(), "only the committed event, once: " + events);
            TopicReader.Event published = events.get(0);
            assertEquals(event.id().toString(), published.key(), "the record key is the aggregate id");
            assertEquals("kit.event.v1", published.headers().get("ce_type"));
            assertEquals("/service-kit-test", published.headers().get("ce_source"), "the application's name");
            assertEquals("1.0", published.headers().get("ce_specversion"));
            assertEquals("application/json", published.headers().get("content-type"));
            UUID.fromString(published.headers().get("ce_id"));
            Instant.parse(published.headers().get("ce_time"));
            assertEquals(event, new ObjectMapper().readValue(published.value(), KitEvent.class));
        }
        await().atMost(PATIENCE).until(() -> attempts(event.id().toString()).isEmpty());
    }

    /**
     * The test broker's process is frozen (SIGSTOP), so connections stay open and nothing answers, like a broker
     * stuck in a long GC pause or on a dead disk. The event waits in the outbox with its failed attempts counted
     * and reaches the topic exactly once after the broker resumes.
     */
    @Test
    void anEventWaitsOutAFrozenBrokerAndArrivesExactlyOnce() throws Exception {
        KitEvent event = new KitEvent(UUID.randomUUID(), "patient");
        String key = event.id().toString();
        long kafka = TestInfra.kafkaPid();
        // Should this JVM die before the finally block, the broker must not stay frozen for everyone else.
        Thread resume = new Thread(() -> signal("CONT", kafka));
        Runtime.getRuntime().addShutdownHook(resume);
        signal("STOP", kafka);
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(KitEvent.TYPE.of(event)));
            await().atMost(PATIENCE).until(() -> attempts(key).orElse(0) > 0);
            assertTrue(attempts(key).isPresent(), "the event waits in the outbox while Kafka does not answer");
        } finally {
            signal("CONT", kafka);
            Runtime.getRuntime().removeShutdownHook(resume);
        }
        try (TopicReader topic = new TopicReader(Kafka.TOPIC)) {
            List<TopicReader.Event> events = topic.awaitAll(e -> key.equals(e.key()), 1, PATIENCE);
            assertEquals(1, events.size(), "the event arrives exactly once after the broker resumes");
        }
        await().atMost(PATIENCE).until(() -> attempts(key).isEmpty());
    }

    @Test
    void aRowKafkaRefusesForGoodIsParkedAndTheRowsBehindItFlowOn() throws Exception {
        UUID big = UUID.randomUUID();
        // Written as an older release (or a larger limit) could have: the producer refuses 1.5 MB records.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                        + " (id, topic, record_key, type, payload, created_at) values (?, ?, ?, ?, ?::jsonb, now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Kafka.TOPIC);
            insert.setString(3, big.toString());
            insert.setString(4, KitEvent.TYPE.type());
            insert.setString(5, "{\"id\": \"" + big + "\", \"name\": \"" + "x".repeat(1_500_000) + "\"}");
            insert.executeUpdate();
        }
        KitEvent behind = new KitEvent(UUID.randomUUID(), "behind");
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(KitEvent.TYPE.of(behind)));

        try (TopicReader topic = new TopicReader(Kafka.TOPIC)) {
            assertEquals(
                    1,
                    topic.awaitAll(e -> behind.id().toString().equals(e.key()), 1, PATIENCE)
                            .size(),
                    "the event behind the refused one is delivered");
        }
        await().atMost(PATIENCE).until(() -> parkedError(big.toString()) != null);
        assertTrue(parkedError(big.toString()).contains("RecordTooLargeException"), parkedError(big.toString()));
        assertTrue(registry.find("voc.outbox.parked").counter().count() >= 1, "parking is counted");
    }

    @Test
    void anEventTooLargeForTheBrokerIsRefusedBeforeAnythingIsStored() throws Exception {
        KitEvent huge = new KitEvent(UUID.randomUUID(), "é".repeat(500_000));
        PayloadTooLarge refused = assertThrows(
                PayloadTooLarge.class,
                () -> QuarkusTransaction.requiringNew().run(() -> outbox.publish(KitEvent.TYPE.of(huge))));
        assertTrue(refused.getMessage().contains("at most 900000"), refused.getMessage());
        assertTrue(attempts(huge.id().toString()).isEmpty(), "no row was written");
    }

    /** The error of a parked row, or null while the row is not parked. */
    private String parkedError(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select last_error from outbox_event where record_key = ? and parked_at is not null")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Attempts recorded on the event's outbox row, or empty once the row is gone. */
    private OptionalInt attempts(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select attempts from outbox_event where record_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (Exception e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed", e);
        }
    }
}
