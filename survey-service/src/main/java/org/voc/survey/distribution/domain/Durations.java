package org.voc.survey.distribution.domain;

import java.time.Duration;

/** Durations as designers write them: {@code P30D} rather than Java's {@code PT720H}, "30 days" in sentences. */
public final class Durations {

    private Durations() {}

    /** ISO 8601, in whole days when it is whole days. */
    public static String iso(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            return "P" + d.toDays() + "D";
        }
        return d.toString();
    }

    /** For explanations: "30 days", "12 hours", "90 minutes". */
    public static String words(Duration d) {
        long seconds = d.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
