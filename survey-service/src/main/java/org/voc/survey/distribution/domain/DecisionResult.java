package org.voc.survey.distribution.domain;

/** How intake settled one interaction: a new decision ({@code created}) or the one stored for its id before. */
public record DecisionResult(StoredDecision decision, boolean created) {}
