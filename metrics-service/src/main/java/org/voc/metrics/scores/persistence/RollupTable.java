package org.voc.metrics.scores.persistence;

/** The three roll-up tables: their name and the column that holds their period. */
public enum RollupTable {
    /** UTC hours: every zone and granularity can be answered from it, at hour resolution. */
    HOUR("score_rollup_hour", "bucket_start", "timestamptz"),
    /** Local days in the reporting zone: day, week and month series in that zone. */
    DAY("score_rollup_day", "day", "date"),
    /** Local days in the reporting zone summed over all touchpoints: breakdowns that need no touchpoint. */
    DAY_ALL_TOUCHPOINTS("score_rollup_day_all", "day", "date"),
    /** Local days in the reporting zone, by employee or process reference. */
    PEOPLE("people_rollup_day", "day", "date");

    final String table;
    final String period;
    final String periodType;

    /** Whether the rows carry the touchpoint key. */
    boolean hasTouchpoint() {
        return this != DAY_ALL_TOUCHPOINTS;
    }

    RollupTable(String table, String period, String periodType) {
        this.table = table;
        this.period = period;
        this.periodType = periodType;
    }
}
