package org.voc.metrics.scores.domain;

import java.util.Locale;

/** Width of the periods of a time series, in the caller's time zone (a week starts on Monday, ISO 8601). */
public enum Granularity {
    HOUR,
    DAY,
    WEEK,
    MONTH;

    /** The unit PostgreSQL's {@code date_trunc} takes. */
    public String unit() {
        return name().toLowerCase(Locale.ROOT);
    }
}
