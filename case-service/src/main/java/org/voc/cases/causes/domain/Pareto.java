package org.voc.cases.causes.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Pareto of root causes (docs/improvement.md, "The Pareto"): per cause, its cases, the detractors among them and
 * the NPS points they cost, ranked, each with its share and the cumulative share. A case with several causes counts
 * for each; a case counts for the cause it names, never for that cause's parents (no roll-up). Pure arithmetic over
 * the counts, so it is tested by hand.
 *
 * <p>NPS points lost: had the cause's detractors at a touchpoint been passives, that touchpoint's NPS (100 × (P −
 * D) / N) would be 100 × d / N higher, N its NPS answers in the period. A cause's points are that sum over the
 * touchpoints where it occurs; with no touchpoint filter, over every touchpoint (the points are then those of
 * several NPS figures added up, not of one). A touchpoint without tallied NPS answers (cases older than the tally)
 * adds none.
 */
public record Pareto(List<Row> rows, long npsAnswers, long responses) {

    /** What the causes are ranked by. */
    public enum Rank {
        CASES("cases"),
        DETRACTORS("detractors"),
        NPS_POINTS_LOST("npsPointsLost");

        private final String param;

        Rank(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        /** The rank a query parameter names; null when none does. */
        public static Rank of(String param) {
            for (Rank r : values()) {
                if (r.param.equals(param)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** One cause's row: its counts, its points, its share of the ranked measure and the cumulative share so far. */
    public record Row(
            UUID rootCauseId,
            long cases,
            long detractors,
            double npsPointsLost,
            double share,
            double cumulativeShare) {}

    /** Shares and points are rounded to four decimals; the cumulative share is rounded from the exact sum. */
    static final int SCALE = 4;

    /**
     * Ranks the counts: the rank's measure descending, then cases, then the id, so equal rows keep one order.
     * {@code npsAnswersByTouchpoint} is N per touchpoint in the period.
     */
    public static Pareto of(
            List<CauseCount> counts, Map<String, Long> npsAnswersByTouchpoint, long responses, Rank rankBy) {
        Map<UUID, long[]> byCause = new HashMap<>();
        Map<UUID, Double> points = new HashMap<>();
        for (CauseCount c : counts) {
            long[] sums = byCause.computeIfAbsent(c.rootCauseId(), k -> new long[2]);
            sums[0] += c.cases();
            sums[1] += c.detractors();
            long n = npsAnswersByTouchpoint.getOrDefault(c.touchpointKey(), 0L);
            double lost = n == 0 ? 0 : 100.0 * c.detractors() / n;
            points.merge(c.rootCauseId(), lost, Double::sum);
        }
        List<UUID> ids = new ArrayList<>(byCause.keySet());
        Map<UUID, Double> measure = new HashMap<>();
        double total = 0;
        for (UUID id : ids) {
            double m = switch (rankBy) {
                case CASES -> byCause.get(id)[0];
                case DETRACTORS -> byCause.get(id)[1];
                case NPS_POINTS_LOST -> points.get(id);
            };
            measure.put(id, m);
            total += m;
        }
        ids.sort(Comparator.comparing((UUID id) -> measure.get(id))
                .reversed()
                .thenComparing(id -> -byCause.get(id)[0])
                .thenComparing(UUID::toString));
        List<Row> rows = new ArrayList<>(ids.size());
        double cumulative = 0;
        for (UUID id : ids) {
            double share = total == 0 ? 0 : measure.get(id) / total;
            cumulative += share;
            rows.add(new Row(
                    id,
                    byCause.get(id)[0],
                    byCause.get(id)[1],
                    round(points.get(id)),
                    round(share),
                    round(Math.min(1.0, cumulative))));
        }
        long n = npsAnswersByTouchpoint.values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return new Pareto(rows, n, responses);
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Pareto[%d rows, N=%d]", rows.size(), npsAnswers);
    }
}
