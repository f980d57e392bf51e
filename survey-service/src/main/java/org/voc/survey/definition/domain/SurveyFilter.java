package org.voc.survey.definition.domain;

/** Optional listing filters; a null component does not filter. */
public record SurveyFilter(String touchpointKey, SurveyStatus status) {}
