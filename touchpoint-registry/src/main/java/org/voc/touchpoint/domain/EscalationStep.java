package org.voc.touchpoint.domain;

import java.time.Duration;
import java.util.List;

/**
 * One step of a team's escalation ladder: {@code after} this much business time (the team's working hours) past a
 * case's breach, {@code recipients} (Keycloak user names or e-mail addresses) are told; {@code label} is optional.
 */
public record EscalationStep(Duration after, List<String> recipients, String label) {

    public EscalationStep {
        recipients = List.copyOf(recipients);
    }
}
