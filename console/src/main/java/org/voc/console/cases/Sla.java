package org.voc.console.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * The countdown of a case's running SLA clock. case-service gives the due time in business hours (its team's
 * calendar); what is left until then is shown in wall-clock time, and a due time that passed is a breach.
 */
public record Sla(String clock, Instant dueAt, long hours, long minutes, boolean breached) {

    static Sla of(String clock, Instant dueAt, Instant now) {
        Duration left = Duration.between(now, dueAt);
        boolean breached = left.isNegative();
        Duration shown = left.abs();
        return new Sla(clock, dueAt, shown.toHours(), shown.toMinutesPart(), breached);
    }

    /** Less than 4 hours left: the inbox marks it. */
    public boolean soon() {
        return !breached && hours < 4;
    }
}
