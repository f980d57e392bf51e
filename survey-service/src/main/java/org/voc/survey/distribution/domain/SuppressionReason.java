package org.voc.survey.distribution.domain;

/** Why an interaction did not invite, in the order the decision checks them (docs/distribution.md). */
public enum SuppressionReason {
    /** No touchpoint has the key or external reference, or it is RETIRED. */
    UNKNOWN_TOUCHPOINT,
    /** The customer is on the opt-out list. */
    OPTED_OUT,
    /** No enabled rule of a published survey matches touchpoint, channel and segment. */
    NO_ACTIVE_SURVEY,
    /** The interaction is older than the invitation TTL of every matching rule. */
    STALE_INTERACTION,
    /** Every candidate survey sampled the interaction out. */
    NOT_SAMPLED,
    /** The furthest candidate had invited this customer too close to the interaction. */
    MIN_GAP,
    /** The customer has had the most invitations the contact policy allows around the interaction's time. */
    FATIGUE_CAP
}
