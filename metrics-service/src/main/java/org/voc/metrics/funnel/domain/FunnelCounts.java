package org.voc.metrics.funnel.domain;

/**
 * Invitations of a cohort at each step: issued, opened (an answer counts as opened), answered, expired, and closed
 * (answered or expired, once), so that {@code issued - closed} are still open.
 */
public record FunnelCounts(long issued, long opened, long answered, long expired, long closed) {

    public static final FunnelCounts ZERO = new FunnelCounts(0, 0, 0, 0, 0);

    public FunnelCounts plus(FunnelCounts other) {
        return new FunnelCounts(
                issued + other.issued,
                opened + other.opened,
                answered + other.answered,
                expired + other.expired,
                closed + other.closed);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Issued and neither answered nor expired yet: the cohort's rates can still grow by these. */
    public long stillOpen() {
        return issued - closed;
    }
}
