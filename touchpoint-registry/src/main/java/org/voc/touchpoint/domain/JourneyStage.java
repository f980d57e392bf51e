package org.voc.touchpoint.domain;

/** Stage of the customer journey a touchpoint belongs to. */
public enum JourneyStage {
    AWARENESS,
    CONSIDERATION,
    PURCHASE,
    ONBOARDING,
    USAGE,
    SERVICE,
    RENEWAL,
    LOYALTY,
    CHURN
}
