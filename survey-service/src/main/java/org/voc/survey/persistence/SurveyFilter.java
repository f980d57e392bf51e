package org.voc.survey.persistence;

import org.voc.survey.domain.SurveyStatus;

/** Optional listing filters; a null component does not filter. */
public record SurveyFilter(String touchpointKey, SurveyStatus status) {
}
