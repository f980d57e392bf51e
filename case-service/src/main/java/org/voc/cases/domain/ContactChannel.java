package org.voc.cases.domain;

/** How an agent reached (or tried to reach) the customer. */
public enum ContactChannel {
    PHONE,
    EMAIL,
    SMS,
    CHAT,
    MESSENGER,
    VIDEO,
    IN_PERSON,
    LETTER
}
