package org.voc.cases.sla;

import java.time.Duration;
import java.util.List;

/**
 * Whom a team's breached cases escalate to, step by step: each step fires once its {@code after} of business time
 * (the team's {@link BusinessCalendar}) has passed since the breach, so nobody is paged at night for a case the
 * team could not have worked. A team that lists no ladder but names an escalation contact escalates to that contact
 * at the breach itself: the registry's single contact predates the ladder and keeps its meaning.
 */
public record EscalationLadder(List<Step> steps) {

    /** Label of the step made from a team's escalation contact alone. */
    public static final String CONTACT_LABEL = "escalation contact";

    public static final EscalationLadder NONE = new EscalationLadder(List.of());

    public EscalationLadder {
        steps = List.copyOf(steps);
    }

    /** One step: after how much business time past the breach it fires, whom it notifies, and what to call it. */
    public record Step(Duration after, List<String> recipients, String label) {

        public Step {
            recipients = List.copyOf(recipients);
        }
    }

    /** The team's ladder, or, when it has none, one step at the breach notifying its escalation contact. */
    public static EscalationLadder of(List<Step> steps, String escalationContact) {
        if (steps != null && !steps.isEmpty()) {
            return new EscalationLadder(steps);
        }
        if (escalationContact == null || escalationContact.isBlank()) {
            return NONE;
        }
        return new EscalationLadder(List.of(new Step(Duration.ZERO, List.of(escalationContact), CONTACT_LABEL)));
    }

    /** The steps due once {@code sinceBreach} of business time has passed since a breach, in order. */
    public List<Step> dueBy(Duration sinceBreach) {
        return steps.stream().filter(s -> s.after().compareTo(sinceBreach) <= 0).toList();
    }
}
