package org.voc.survey.definition.domain;

import java.time.Instant;
import java.util.UUID;

/** A survey with its working draft; {@code revision} is the optimistic-concurrency token. */
public record Survey(
        UUID id,
        SurveyDefinition definition,
        SurveyStatus status,
        Integer latestVersion,
        long revision,
        Instant createdAt,
        Instant updatedAt) {}
