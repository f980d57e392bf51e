package org.voc.metrics.alerts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.voc.metrics.stats.Interval;

/**
 * What alerts and impact studies need from the metrics: a metric's headline value under filters in two time ranges,
 * and the test of their difference. Implemented over the score roll-ups, so both see exactly what the query API shows.
 */
public interface MetricWindows {

    /**
     * Refuses (with {@code Invalid} naming the field) a metric, question or filter the query API would refuse;
     * returns the metric's canonical name ({@code NPS} and {@code nps} are one metric).
     */
    String validate(String metric, String question, Map<String, List<String>> filters);

    /** The metric in [from, to) of each range, and the two-sample test of current against baseline. */
    Comparison compare(
            String metric,
            String question,
            Map<String, List<String>> filters,
            Instant currentFrom,
            Instant currentTo,
            Instant baselineFrom,
            Instant baselineTo);

    /**
     * Both sides with their sample sizes; {@code difference} = current − baseline, null when a side has no
     * responses; {@code pValue} two-sided; {@code higherIsWorse} for metrics where a rise is bad (CES effort). The
     * intervals are the values' 95 % confidence intervals as the metric endpoints report them (null when n is 0).
     */
    record Comparison(
            long currentN,
            Double current,
            long baselineN,
            Double baseline,
            Double difference,
            Double pValue,
            boolean higherIsWorse,
            Interval currentInterval,
            Interval baselineInterval) {}
}
