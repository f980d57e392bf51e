package org.voc.metrics.funnel.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known of one invitation's path through the funnel: its dimensions and the time of each step (null until
 * seen). An event is a fact with one step set; {@link #merge} folds facts so that a step, once set, never changes.
 */
public record InvitationFact(
        UUID invitationId,
        UUID surveyId,
        String touchpointKey,
        String channel,
        String deliveryChannel,
        Instant issuedAt,
        Instant openedAt,
        Instant answeredAt,
        Instant expiredAt) {

    /** Nothing known yet but the id (a row not recorded before). */
    public static InvitationFact unknown(UUID invitationId) {
        return new InvitationFact(invitationId, null, null, null, null, null, null, null, null);
    }

    public boolean issued() {
        return issuedAt != null;
    }

    /** An answer implies the survey was opened, even without an opened event (an app may POST without a GET). */
    public boolean opened() {
        return openedAt != null || answeredAt != null;
    }

    public boolean answered() {
        return answeredAt != null;
    }

    public boolean expired() {
        return expiredAt != null;
    }

    /** Answered or expired: no longer open. */
    public boolean closed() {
        return answered() || expired();
    }

    /**
     * This fact with what {@code later} adds: steps not set yet take its times; the dimensions are the issue's once
     * it is known (other events may lack the delivery channel or carry another channel), until then the first seen.
     */
    public InvitationFact merge(InvitationFact later) {
        boolean issueArrives = !issued() && later.issued();
        InvitationFact dims = issueArrives ? later : this;
        InvitationFact rest = issueArrives ? this : later;
        return new InvitationFact(
                invitationId,
                first(dims.surveyId, rest.surveyId),
                first(dims.touchpointKey, rest.touchpointKey),
                first(dims.channel, rest.channel),
                first(dims.deliveryChannel, rest.deliveryChannel),
                first(issuedAt, later.issuedAt),
                first(openedAt, later.openedAt),
                first(answeredAt, later.answeredAt),
                first(expiredAt, later.expiredAt));
    }

    /**
     * The counts this change adds to the issue's cohort: every step known when the issue arrives, or the steps first
     * set now when it was known before; nothing while the issue is unknown.
     */
    public FunnelCounts countsAddedBy(InvitationFact after) {
        if (!after.issued()) {
            return FunnelCounts.ZERO;
        }
        InvitationFact before = issued() ? this : unknown(invitationId);
        return new FunnelCounts(
                before.issued() ? 0 : 1,
                !before.opened() && after.opened() ? 1 : 0,
                !before.answered() && after.answered() ? 1 : 0,
                !before.expired() && after.expired() ? 1 : 0,
                !before.closed() && after.closed() ? 1 : 0);
    }

    private static <T> T first(T value, T otherwise) {
        return value != null ? value : otherwise;
    }
}
