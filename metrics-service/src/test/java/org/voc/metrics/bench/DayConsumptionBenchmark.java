package org.voc.metrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.ReferenceDay;

/**
 * The reference platform's day, 80,000 responses ({@link ReferenceDay}: NPS, CSAT and CES answers each, four
 * segments and channels, 300 employees, spread over 22 hours), put on {@code voc.responses} at once and timed from
 * the first send until the roll-ups hold all of them: the consumer alone, in this JVM, without the other services of
 * the e2e MetricsFreshnessBenchmark (which measures the same day with the packaged services). Excluded from the test
 * phase; run it with {@code ./mvnw -B test -pl metrics-service -Dtest=DayConsumptionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.day.responses=…}) and copy the figures into
 * docs/performance.md.
 */
@QuarkusTest
class DayConsumptionBenchmark {

    static final int DAY = Integer.getInteger("bench.day.responses", 80_000);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void consumingADay() throws Exception {
        String touchpoint = "day-" + UUID.randomUUID().toString().substring(0, 8);
        UUID surveyId = UUID.randomUUID();
        Instant day = Instant.parse("2025-04-01T01:00:00Z");
        ReferenceDay.Sent sent = ReferenceDay.send(surveyId, touchpoint, day, DAY);
        long start = sent.startNanos();
        long produced = sent.producedNanos();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        long counted;
        while ((counted = counted(touchpoint)) < DAY && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        System.out.printf(
                "DAY BENCHMARK %d responses (NPS, CSAT, CES), %d cores: produced in %.1f s, first send -> all"
                        + " counted %.1f s (%.0f responses/s)%n",
                DAY,
                Runtime.getRuntime().availableProcessors(),
                (produced - start) / 1e9,
                (done - start) / 1e9,
                DAY / ((done - start) / 1e9));
        assertEquals(DAY, counted, "every response counted once");
        assertEquals(DAY, sum("score_rollup_day", touchpoint));
        assertEquals(DAY, sum("people_rollup_day", touchpoint));
    }

    /** NPS values in the hourly roll-up, the one the e2e benchmark's NPS query reads. */
    private long counted(String touchpoint) throws SQLException {
        return sum("score_rollup_hour", touchpoint);
    }

    private long sum(String table, String touchpoint) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(sum(n), 0) from " + table
                        + " where metric = 'NPS' and question_id = '' and touchpoint_key = ?")) {
            s.setString(1, touchpoint);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
