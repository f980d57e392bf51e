package org.voc.kit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.kit.outbox.OutboxRelay;
import org.voc.kit.outbox.RelayLifecycle;
import org.voc.kit.problem.Unavailable;
import org.voc.testsupport.TopicReader;

/**
 * Shutdown in Quarkus's order (the writers observe the ShutdownEvent before the relay): a request handed to the
 * writer before the shutdown gets its real answer, one after is refused with 503, and the events of what was
 * committed have left the outbox when the relay's stop returns, so the process may exit.
 */
@QuarkusTest
class ShutdownDrainTest {

    @Inject
    KitWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void topics() throws Exception {
        Kafka.createTopics();
    }

    @Test
    void admittedRequestsAreAnsweredAndTheirEventsSentBeforeTheStopReturns() throws Exception {
        List<KitEvent> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new KitEvent(UUID.randomUUID(), "admitted-" + i));
        }
        List<CompletableFuture<UUID>> admitted = new ArrayList<>();
        CompletableFuture<Void> shutdown;
        try (Connection connection = dataSource.getConnection();
                Statement lock = connection.createStatement()) {
            connection.setAutoCommit(false);
            // Every item still waits for the database when the shutdown begins.
            lock.execute("lock table kit_item in access exclusive mode");
            for (KitEvent item : items) {
                admitted.add(writer.submit(item));
            }
            shutdown = CompletableFuture.runAsync(() -> {
                try {
                    writer.shutdown();
                    RelayLifecycle.stop(relay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            await("the writer stops taking items").until(() -> !writer.accepting());
            assertThrows(
                    Unavailable.class,
                    () -> writer.submit(new KitEvent(UUID.randomUUID(), "too late")),
                    "a request after the shutdown began is refused, with Retry-After");
            connection.rollback();
        }
        try {
            shutdown.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < items.size(); i++) {
                assertTrue(admitted.get(i).isDone(), "answered before the writer's stop returned");
                assertEquals(items.get(i).id(), admitted.get(i).get(), "its real answer, not a 503");
            }
            assertEquals(0, outboxRows(items), "the relay sent every event before its stop returned");
            Set<String> keys = items.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
            try (TopicReader topic = new TopicReader(Kafka.TOPIC)) {
                assertEquals(
                        keys.size(),
                        topic.awaitAll(e -> keys.contains(e.key()), keys.size(), Duration.ofSeconds(30))
                                .size());
            }
        } finally {
            writer.restart();
            RelayLifecycle.start(relay);
        }
    }

    private long outboxRows(List<KitEvent> items) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var query =
                        connection.prepareStatement("select count(*) from outbox_event where record_key = any(?)")) {
            query.setArray(
                    1,
                    connection.createArrayOf(
                            "text", items.stream().map(e -> e.id().toString()).toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
