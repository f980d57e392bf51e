package org.voc.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.survey.Distribution.count;
import static org.voc.survey.Distribution.sql;
import static org.voc.survey.Distribution.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.kit.retention.Retention;

/** Retention of decisions (voc.retention.decisions = P400D in tests) against the real database. */
@QuarkusTest
class RetentionTest {

    @Inject
    DataSource db;

    @Inject
    Retention retention;

    @Test
    void decisionsOlderThanTheLimitGoYoungerOnesStayAndConcurrentSweepsDoNotClash() throws Exception {
        Instant now = Instant.now();
        String customer = unique("aged");
        for (int i = 0; i < 30; i++) {
            decision(customer, now.minus(500, ChronoUnit.DAYS));
        }
        for (int i = 0; i < 5; i++) {
            decision(customer, now.minus(300, ChronoUnit.DAYS));
        }
        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> retention.sweep(now));
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> retention.sweep(now));
        long deleted = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);

        assertEquals(30, deleted, "every old decision is deleted once");
        assertEquals(5, count(db, "select count(*) from distribution_decision where customer_ref = ?", customer));
        assertEquals(0, retention.sweep(now), "nothing is left to delete");
    }

    private void decision(String customer, Instant decidedAt) {
        sql(
                db,
                """
                insert into distribution_decision (id, interaction_id, request_hash, customer_ref, channel, occurred_at,
                    decided_at, outcome, reason, explanation, candidates)
                values (?, ?, 'h', ?, 'BRANCH', ?, ?, 'SUPPRESSED', 'NO_ACTIVE_SURVEY', 'old', '[]'::jsonb)""",
                UUID.randomUUID(),
                unique("old-visit"),
                customer,
                decidedAt.atOffset(ZoneOffset.UTC),
                decidedAt.atOffset(ZoneOffset.UTC));
    }
}
