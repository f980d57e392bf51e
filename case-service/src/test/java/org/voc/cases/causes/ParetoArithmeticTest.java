package org.voc.cases.causes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.cases.causes.domain.CauseCount;
import org.voc.cases.causes.domain.Pareto;

/**
 * The Pareto's arithmetic worked by hand (the example of docs/improvement.md): a busy touchpoint "cards" with 1,000
 * NPS answers and a quiet one "branch" with 100.
 * <ul>
 * <li>APP_CRASH: 10 cases at cards, 2 of them detractors → 100 × 2 / 1000 = 0.2 points;</li>
 * <li>COURIER_LATE: 6 detractor cases at cards → 0.6 points;</li>
 * <li>BRANCH_QUEUE: 3 detractor cases at branch → 3.0, and 1 at cards → 0.1: 3.1 points.</li>
 * </ul>
 * By cases: APP_CRASH, COURIER_LATE, BRANCH_QUEUE; by detractors: COURIER_LATE, BRANCH_QUEUE, APP_CRASH; by points:
 * BRANCH_QUEUE, COURIER_LATE, APP_CRASH.
 */
class ParetoArithmeticTest {

    private static final UUID APP = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID COURIER = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID QUEUE = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    private static final List<CauseCount> COUNTS = List.of(
            new CauseCount(APP, "cards", 10, 2),
            new CauseCount(COURIER, "cards", 6, 6),
            new CauseCount(QUEUE, "branch", 3, 3),
            new CauseCount(QUEUE, "cards", 1, 1));
    private static final Map<String, Long> N = Map.of("cards", 1000L, "branch", 100L);

    @Test
    void byCases() {
        Pareto p = Pareto.of(COUNTS, N, 1200, Pareto.Rank.CASES);
        assertEquals(List.of(APP, COURIER, QUEUE), ids(p));
        // 10, 6, 4 of 20
        assertRow(p.rows().get(0), 10, 2, 0.2, 0.5, 0.5);
        assertRow(p.rows().get(1), 6, 6, 0.6, 0.3, 0.8);
        assertRow(p.rows().get(2), 4, 4, 3.1, 0.2, 1.0);
        assertEquals(1100, p.npsAnswers());
        assertEquals(1200, p.responses());
    }

    @Test
    void byDetractors() {
        Pareto p = Pareto.of(COUNTS, N, 1200, Pareto.Rank.DETRACTORS);
        assertEquals(List.of(COURIER, QUEUE, APP), ids(p));
        // 6, 4, 2 of 12
        assertRow(p.rows().get(0), 6, 6, 0.6, 0.5, 0.5);
        assertRow(p.rows().get(1), 4, 4, 3.1, 0.3333, 0.8333);
        assertRow(p.rows().get(2), 10, 2, 0.2, 0.1667, 1.0);
    }

    @Test
    void byNpsPointsLost() {
        Pareto p = Pareto.of(COUNTS, N, 1200, Pareto.Rank.NPS_POINTS_LOST);
        assertEquals(List.of(QUEUE, COURIER, APP), ids(p));
        // 3.1, 0.6, 0.2 of 3.9
        assertRow(p.rows().get(0), 4, 4, 3.1, 0.7949, 0.7949);
        assertRow(p.rows().get(1), 6, 6, 0.6, 0.1538, 0.9487);
        assertRow(p.rows().get(2), 10, 2, 0.2, 0.0513, 1.0);
    }

    @Test
    void aTouchpointWithoutTalliedAnswersAddsNoPoints() {
        Pareto p = Pareto.of(List.of(new CauseCount(APP, "untallied", 3, 3)), Map.of(), 0, Pareto.Rank.NPS_POINTS_LOST);
        assertRow(p.rows().get(0), 3, 3, 0.0, 0.0, 0.0);
    }

    private static List<UUID> ids(Pareto p) {
        return p.rows().stream().map(Pareto.Row::rootCauseId).toList();
    }

    private static void assertRow(
            Pareto.Row row, long cases, long detractors, double points, double share, double cumulative) {
        assertEquals(cases, row.cases(), "cases");
        assertEquals(detractors, row.detractors(), "detractors");
        assertEquals(points, row.npsPointsLost(), 1e-9, "points");
        assertEquals(share, row.share(), 1e-9, "share");
        assertEquals(cumulative, row.cumulativeShare(), 1e-9, "cumulative share");
    }
}
