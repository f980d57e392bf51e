package org.voc.touchpoint.domain;

/** Where the customer meets the company; docs/taxonomy.md explains each value for analysts. */
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
