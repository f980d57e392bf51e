package org.voc.cases.domain;

/** What came of a contact: only REACHED means the customer was heard, but every attempt counts as first contact. */
public enum ContactOutcome {
    REACHED,
    NO_ANSWER,
    LEFT_MESSAGE,
    WRONG_CONTACT,
    DECLINED
}
