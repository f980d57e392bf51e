package org.voc.survey.definition.domain;

import java.time.Instant;
import java.util.UUID;

/** One immutable published version of a survey; {@code publishedBy} is the publisher's token subject. */
public record SurveyVersion(
        UUID surveyId, int version, SurveyDefinition definition, Instant publishedAt, String publishedBy) {}
