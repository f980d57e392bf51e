package org.voc.survey.distribution.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.survey.invitation.domain.Invitation;

/**
 * A recorded decision for one interaction: the interaction as received (touchpoint as asked, resolved
 * {@code touchpointKey} when known), the outcome and why, and the invitation when one was issued.
 */
public record StoredDecision(
        UUID id,
        String interactionId,
        String requestHash,
        String customerRef,
        String touchpointKey,
        String touchpointSystem,
        String touchpointRef,
        String channel,
        String segment,
        String employeeRef,
        String processRef,
        String locale,
        Instant occurredAt,
        Instant decidedAt,
        DecisionOutcome outcome,
        SuppressionReason reason,
        String explanation,
        List<Candidate> candidates,
        Invitation invitation) {

    public StoredDecision withInvitation(Invitation signed) {
        return new StoredDecision(
                id,
                interactionId,
                requestHash,
                customerRef,
                touchpointKey,
                touchpointSystem,
                touchpointRef,
                channel,
                segment,
                employeeRef,
                processRef,
                locale,
                occurredAt,
                decidedAt,
                outcome,
                reason,
                explanation,
                candidates,
                signed);
    }
}
