package org.voc.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.kit.retention.Sweeps;

/** Retention sweeps against the real database: old rows go, young rows stay, concurrent runs never clash. */
@QuarkusTest
class SweepsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant LIMIT = NOW.minus(30, ChronoUnit.DAYS);

    @Inject
    Sweeps sweeps;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void rows() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists kit_aged (id uuid primary key, created_at timestamptz not null)");
            s.execute("truncate kit_aged");
        }
        insert(250, LIMIT.minus(1, ChronoUnit.DAYS));
        insert(30, LIMIT.plus(1, ChronoUnit.HOURS));
    }

    @Test
    void rowsOlderThanTheLimitGoAndYoungerOnesStay() throws SQLException {
        OptionalLong treated = sweeps.run("kit.aged", 100, () -> deleteBatch(100));
        assertEquals(OptionalLong.of(250), treated);
        assertEquals(0, count("created_at < ?"));
        assertEquals(30, count("created_at >= ?"));
        assertEquals(OptionalLong.of(0), sweeps.run("kit.aged", 100, () -> deleteBatch(100)), "nothing left to do");
    }

    @Test
    void aSecondReplicaSkipsTheRunWhileTheFirstHoldsTheSweep() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OptionalLong> first = CompletableFuture.supplyAsync(() -> sweeps.run("kit.aged", 100, () -> {
            inside.countDown();
            await(release);
            return deleteBatch(100);
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS), "the first sweep started");
        assertEquals(OptionalLong.empty(), sweeps.run("kit.aged", 100, () -> deleteBatch(100)));
        release.countDown();
        assertEquals(OptionalLong.of(250), first.get(60, TimeUnit.SECONDS));
        assertEquals(0, count("created_at < ?"));
    }

    @Test
    void batchesOfTwoSweepsThatMeetTreatDisjointRows() throws Exception {
        // Two names, so both hold a lock: what keeps them apart is FOR UPDATE SKIP LOCKED in the batch itself.
        CountDownLatch both = new CountDownLatch(2);
        CompletableFuture<OptionalLong> a = CompletableFuture.supplyAsync(() -> sweeps.run("kit.aged.a", 10, () -> {
            both.countDown();
            await(both);
            return deleteBatch(10);
        }));
        CompletableFuture<OptionalLong> b = CompletableFuture.supplyAsync(() -> sweeps.run("kit.aged.b", 10, () -> {
            both.countDown();
            await(both);
            return deleteBatch(10);
        }));
        long total = a.get(60, TimeUnit.SECONDS).getAsLong()
                + b.get(60, TimeUnit.SECONDS).getAsLong();
        assertEquals(250, total, "every old row is deleted once");
        assertEquals(0, count("created_at < ?"));
        assertEquals(30, count("created_at >= ?"));
    }

    private int deleteBatch(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("""
                        delete from kit_aged where id in (
                            select id from kit_aged where created_at < ? limit ? for update skip locked)""")) {
            delete.setObject(1, LIMIT.atOffset(ZoneOffset.UTC));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(int rows, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into kit_aged (id, created_at) values (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long count(String where) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select count(*) from kit_aged where " + where)) {
            select.setObject(1, LIMIT.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
