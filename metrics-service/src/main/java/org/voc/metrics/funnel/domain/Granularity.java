package org.voc.metrics.funnel.domain;

import java.time.Duration;
import java.util.Locale;

/** The periods a funnel series is cut into, in the caller's time zone; no granularity means one total. */
public enum Granularity {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(28));

    private final Duration shortest;

    Granularity(Duration shortest) {
        this.shortest = shortest;
    }

    /** The shortest such period: bounds how many periods a range can hold. */
    public Duration shortest() {
        return shortest;
    }

    /** The name in the API and in PostgreSQL's {@code date_trunc}: {@code hour}, {@code day}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
