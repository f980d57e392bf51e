package org.voc.cases.domain;

/** How urgently a case is worked; set by the rules the response matched (the default rules: HIGH for NPS 0–3). */
public enum CasePriority {
    // Most urgent first: the order is what "the highest priority" of several matched rules means.
    HIGH,
    NORMAL;

    public boolean isAbove(CasePriority other) {
        return compareTo(other) < 0;
    }
}
