package org.voc.cases.sla;

/** The two SLA clocks of a case: until its first contact with the customer, and until its resolution. */
public enum CaseClock {
    FIRST_CONTACT,
    RESOLUTION
}
