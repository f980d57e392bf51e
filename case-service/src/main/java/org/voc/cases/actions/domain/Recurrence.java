package org.voc.cases.actions.domain;

import java.time.Instant;

/**
 * How often an action's root causes recurred at its touchpoints before and after it went live (docs/improvement.md,
 * "Recurrence"): the windows of the impact verdict, [doneAt − window, doneAt) and [doneAt, doneAt + window).
 */
public record Recurrence(Window before, Window after) {

    /**
     * One window: the cases naming one of the action's root causes whose response came in it, the responses at the
     * touchpoints on the UTC days it covers, and cases per 1,000 responses (null without responses).
     */
    public record Window(Instant from, Instant to, long cases, long responses, Double perThousand) {

        public static Window of(Instant from, Instant to, long cases, long responses) {
            return new Window(from, to, cases, responses, responses == 0 ? null : 1000.0 * cases / responses);
        }
    }
}
