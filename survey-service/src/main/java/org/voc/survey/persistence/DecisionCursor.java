package org.voc.survey.persistence;

import java.time.Instant;
import java.util.UUID;

/** Position after which the next page of decisions starts (newest first): the last decision shown. */
public record DecisionCursor(Instant decidedAt, UUID id) {
}
