package org.voc.survey.definition.domain;

import java.time.Instant;
import java.util.UUID;

/** Position after which the next page of surveys starts: the (createdAt, id) of the last survey shown. */
public record SurveyCursor(Instant createdAt, UUID id) {}
