package org.voc.survey.distribution.domain;

import java.time.Instant;
import java.util.UUID;

/** Position after which the next page of decisions starts (newest first): the last decision shown. */
public record DecisionCursor(Instant decidedAt, UUID id) {}
