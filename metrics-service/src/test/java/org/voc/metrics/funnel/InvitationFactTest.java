package org.voc.metrics.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.metrics.funnel.domain.FunnelCounts;
import org.voc.metrics.funnel.domain.InvitationFact;

/** Folding an invitation's steps: set once, dimensions from the issue, counted once the issue is known. */
class InvitationFactTest {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID SURVEY = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-10-05T09:15:00Z");

    private static final InvitationFact ISSUED =
            new InvitationFact(ID, SURVEY, "card", "BRANCH", "EMAIL", T0, null, null, null);
    private static final InvitationFact OPENED =
            new InvitationFact(ID, SURVEY, "card", "BRANCH", null, null, T0.plusSeconds(10), null, null);
    private static final InvitationFact ANSWERED =
            new InvitationFact(ID, SURVEY, "card", "APP", null, null, null, T0.plusSeconds(20), null);
    private static final InvitationFact EXPIRED =
            new InvitationFact(ID, SURVEY, "card", null, null, null, null, null, T0.plusSeconds(30));

    @Test
    void aStepSetStaysAsItWas() {
        InvitationFact once = InvitationFact.unknown(ID).merge(ISSUED).merge(OPENED);
        InvitationFact again = once.merge(
                OPENED.merge(new InvitationFact(ID, null, null, null, null, null, T0.plusSeconds(99), null, null)));
        assertEquals(once, again);
        assertEquals(FunnelCounts.ZERO, once.countsAddedBy(again));
    }

    @Test
    void stepsBeforeTheIssueCountWhenItArrivesWithItsDimensions() {
        InvitationFact answered = InvitationFact.unknown(ID).merge(ANSWERED);
        assertEquals(FunnelCounts.ZERO, InvitationFact.unknown(ID).countsAddedBy(answered));
        InvitationFact issued = answered.merge(ISSUED);
        assertEquals("BRANCH", issued.channel()); // the issue's channel, not the response's
        assertEquals("EMAIL", issued.deliveryChannel());
        // An answer without an opened event counts as opened; answered closes the invitation.
        assertEquals(new FunnelCounts(1, 1, 1, 0, 1), answered.countsAddedBy(issued));
    }

    @Test
    void anInvitationClosesOnceWhetherAnsweredOrExpiredFirst() {
        InvitationFact expired = InvitationFact.unknown(ID).merge(ISSUED).merge(EXPIRED);
        assertEquals(new FunnelCounts(1, 0, 0, 1, 1), InvitationFact.unknown(ID).countsAddedBy(expired));
        InvitationFact lateAnswer = expired.merge(ANSWERED);
        assertEquals(new FunnelCounts(0, 1, 1, 0, 0), expired.countsAddedBy(lateAnswer));
    }
}
