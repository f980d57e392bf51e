package org.voc.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Unavailable;
import org.voc.testsupport.TopicReader;

/**
 * The group-commit writer against the real database: batches commit whole, bad items fail alone, overload is refused.
 */
@QuarkusTest
class GroupCommitTest {

    @Inject
    KitWriter writer;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void topics() throws Exception {
        Kafka.createTopics();
    }

    @Test
    void everyItemIsCommittedWithItsEventAndABadItemFailsAlone() throws Exception {
        List<KitEvent> good = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            good.add(new KitEvent(UUID.randomUUID(), "item-" + i));
        }
        KitEvent tooLong = new KitEvent(UUID.randomUUID(), "x".repeat(21));
        KitEvent taken = new KitEvent(UUID.randomUUID(), KitWriter.TAKEN);
        List<CompletableFuture<UUID>> futures = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            futures.add(writer.submit(good.get(i)));
            if (i == 30) {
                futures.add(writer.submit(tooLong));
                futures.add(writer.submit(taken));
            }
        }
        List<UUID> stored = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<UUID> future : futures) {
            try {
                stored.add(future.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertEquals(good.stream().map(KitEvent::id).toList(), stored, "every good item is committed, in order");
        assertEquals(2, failures.size());
        assertInstanceOf(Invalid.class, failures.get(0), "a value the database refuses is the client's to change");
        assertTrue(
                failures.get(0).getMessage().contains("value too long"),
                failures.get(0).getMessage());
        assertInstanceOf(Conflict.class, failures.get(1), "a domain refusal of one item reaches its request");
        assertEquals(60, count(good.stream().map(KitEvent::id).toList()));
        assertEquals(0, count(List.of(tooLong.id(), taken.id())));

        Set<String> keys = good.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
        try (TopicReader topic = new TopicReader(Kafka.TOPIC)) {
            List<TopicReader.Event> events =
                    topic.awaitAll(e -> keys.contains(e.key()), keys.size(), Duration.ofSeconds(30));
            assertEquals(keys.size(), events.size(), "one event per committed item, none for the failed ones");
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        List<CompletableFuture<UUID>> queued = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement lock = connection.createStatement()) {
            connection.setAutoCommit(false);
            // The writer's transaction waits on this lock, so the queue behind it fills up.
            lock.execute("lock table kit_item in access exclusive mode");
            queued.add(writer.submit(new KitEvent(UUID.randomUUID(), "blocked")));
            org.awaitility.Awaitility.await().until(() -> writer.remainingCapacity() == 64);
            for (int i = 0; i < 64; i++) {
                queued.add(writer.submit(new KitEvent(UUID.randomUUID(), "queued-" + i)));
            }
            Unavailable refused = assertThrows(
                    Unavailable.class, () -> writer.submit(new KitEvent(UUID.randomUUID(), "one too many")));
            assertEquals(Duration.ofSeconds(1), refused.retryAfter());
            connection.rollback();
        }
        for (CompletableFuture<UUID> future : queued) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertTrue(queued.stream().allMatch(CompletableFuture::isDone), "what was queued is committed after all");
    }

    @Test
    void aWriterThatStopsTakesReadinessDownAndRefusesAtOnce() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kit-writer"))
                .findFirst()
                .orElseThrow();
        thread.interrupt(); // as if the thread had died: it stops taking items
        thread.join(10_000);
        try {
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'group-commit writers' }.status", equalTo("DOWN"));
            assertThrows(Unavailable.class, () -> writer.submit(new KitEvent(UUID.randomUUID(), "nobody takes it")));
        } finally {
            writer.restart();
        }
        given().get("/q/health/ready").then().statusCode(200);
        UUID after = UUID.randomUUID();
        assertEquals(after, writer.submit(new KitEvent(after, "after restart")).get(30, TimeUnit.SECONDS));
    }

    private long count(List<UUID> ids) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement("select count(*) from kit_item where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
