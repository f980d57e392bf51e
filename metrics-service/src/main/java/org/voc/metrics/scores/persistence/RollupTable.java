package org.voc.metrics.scores.persistence;

import java.util.List;
import java.util.stream.Stream;

/** The roll-up tables: their name, the column that holds their period and the columns of their key. */
public enum RollupTable {
    /** UTC hours: every zone and granularity can be answered from it, at hour resolution. */
    HOUR("score_rollup_hour", "bucket_start", "timestamptz", "touchpoint_key", "channel", "segment", "survey_id"),
    /** Local days in the reporting zone: day, week and month series in that zone. */
    DAY("score_rollup_day", "day", "date", "touchpoint_key", "channel", "segment", "survey_id"),
    /** Local days in the reporting zone summed over all touchpoints: breakdowns that need no touchpoint. */
    DAY_ALL_TOUCHPOINTS("score_rollup_day_all", "day", "date", "channel", "segment", "survey_id"),
    /** Local days by touchpoint alone: series and breakdowns by touchpoint, product, journey stage or team. */
    DAY_TOUCHPOINT("score_rollup_day_by_touchpoint", "day", "date", "touchpoint_key"),
    /** Local days by channel and segment alone: the segment × channel dashboard and its filters. */
    DAY_CHANNEL_SEGMENT("score_rollup_day_by_channel_segment", "day", "date", "channel", "segment"),
    /** Local days in the reporting zone, by employee or process reference. */
    PEOPLE("people_rollup_day", "day", "date", "touchpoint_key", "channel", "segment", "survey_id", "kind", "ref");

    final String table;
    final String period;
    final String periodType;
    /** Every key column, metric, question and period first. */
    final List<String> keys;

    /** Whether the rows carry the touchpoint key. */
    boolean hasTouchpoint() {
        return keys.contains("touchpoint_key");
    }

    RollupTable(String table, String period, String periodType, String... dimensions) {
        this.table = table;
        this.period = period;
        this.periodType = periodType;
        this.keys = Stream.concat(Stream.of("metric", "question_id", period), Stream.of(dimensions))
                .toList();
    }
}
