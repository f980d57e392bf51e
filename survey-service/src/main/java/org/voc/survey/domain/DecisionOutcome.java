package org.voc.survey.domain;

/** What became of an interaction. */
public enum DecisionOutcome {
    INVITED, SUPPRESSED
}
