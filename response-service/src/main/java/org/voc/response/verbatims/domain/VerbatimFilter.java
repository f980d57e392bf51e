package org.voc.response.verbatims.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a search or an export selects; every field is optional (null: no condition) and they combine with AND.
 * {@code minScore}/{@code maxScore} apply to the answer of {@code questionId}, or to any scored answer without one.
 * {@code text} is matched case-insensitively inside the comments.
 */
public record VerbatimFilter(
        UUID surveyId,
        Integer surveyVersion,
        String touchpointKey,
        Instant from,
        Instant to,
        String questionId,
        Integer minScore,
        Integer maxScore,
        Boolean hasComment,
        String text) {}
