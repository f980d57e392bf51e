package org.voc.survey.distribution.domain;

/**
 * Interaction channels, the touchpoint registry's vocabulary (docs/taxonomy.md). Copied rather than shared, like
 * the outbox (docs/decisions.md #1): a rule's {@code channels} and an interaction's {@code channel} use it.
 */
public enum Channel {
    WEB,
    MOBILE_APP,
    EMAIL,
    SMS,
    PHONE_IVR,
    CONTACT_CENTER,
    CHAT,
    BRANCH,
    FIELD_SERVICE,
    SOCIAL,
    REVIEW_SITE,
    MARKETPLACE,
    MYSTERY_SHOPPING,
    IN_PRODUCT
}
