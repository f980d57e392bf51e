package org.voc.survey.distribution.domain;

/** What became of an interaction. */
public enum DecisionOutcome {
    INVITED,
    SUPPRESSED
}
