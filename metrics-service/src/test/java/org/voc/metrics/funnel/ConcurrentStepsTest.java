package org.voc.metrics.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.voc.metrics.funnel.domain.Dimension;
import org.voc.metrics.funnel.domain.FunnelCounts;
import org.voc.metrics.funnel.domain.FunnelQuery;
import org.voc.metrics.funnel.domain.FunnelService;
import org.voc.metrics.funnel.domain.InvitationFact;

/**
 * The two funnel consumers (or two replicas) record steps of the same invitations at the same time, as they do when
 * an invitation's issue and its answer are on partitions owned by different consumers: each step still counts once.
 */
@QuarkusTest
class ConcurrentStepsTest {

    private static final Instant ISSUED = Instant.parse("2026-09-10T10:00:00Z");
    private static final int INVITATIONS = 400;
    private static final int BATCH = 25;

    @Inject
    FunnelService funnel;

    @Test
    void issuesAndAnswersRecordedConcurrentlyCountOnce() throws Exception {
        String touchpoint = FunnelEvents.touchpoint("race");
        UUID survey = UUID.randomUUID();
        List<InvitationFact> issues = new ArrayList<>();
        List<InvitationFact> answers = new ArrayList<>();
        for (int i = 0; i < INVITATIONS; i++) {
            UUID id = UUID.randomUUID();
            issues.add(new InvitationFact(id, survey, touchpoint, "WEB", "EMAIL", ISSUED, null, null, null));
            answers.add(
                    new InvitationFact(id, survey, touchpoint, "WEB", null, null, null, ISSUED.plusSeconds(5), null));
        }
        Collections.reverse(answers); // meet in the middle
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(inBatches(issues)));
            done.add(pool.submit(inBatches(answers)));
            done.add(pool.submit(inBatches(answers))); // a replica replaying the same answers
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        FunnelCounts counts = funnel.funnel(new FunnelQuery(
                        ISSUED.minusSeconds(3600),
                        ISSUED.plusSeconds(3600),
                        ZoneId.of("UTC"),
                        null,
                        Map.of(Dimension.TOUCHPOINT, touchpoint),
                        List.of()))
                .get(0)
                .counts();
        assertEquals(new FunnelCounts(INVITATIONS, INVITATIONS, INVITATIONS, 0, INVITATIONS), counts);
    }

    private Callable<Void> inBatches(List<InvitationFact> facts) {
        return () -> {
            for (int from = 0; from < facts.size(); from += BATCH) {
                funnel.record(facts.subList(from, Math.min(facts.size(), from + BATCH)));
            }
            return null;
        };
    }
}
