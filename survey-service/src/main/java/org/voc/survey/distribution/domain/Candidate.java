package org.voc.survey.distribution.domain;

import java.util.UUID;

/**
 * One survey the decision considered for an interaction, with the rule that matched and how far it got:
 * {@code result} is INVITED, or the reason it stopped (STALE_INTERACTION, NOT_SAMPLED, MIN_GAP, FATIGUE_CAP),
 * or NOT_TRIED when an earlier candidate invited; {@code detail} says it in words. {@code draw} is the sampling
 * draw in [0, 1), null when sampling was not reached.
 */
public record Candidate(
        UUID surveyId,
        int surveyVersion,
        String surveyName,
        int priority,
        double samplingRate,
        Double draw,
        String result,
        String detail) {}
