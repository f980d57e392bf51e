package org.voc.survey.domain;

/** DRAFT until the first version is published; a published survey can still be edited and published again. */
public enum SurveyStatus {
    DRAFT, PUBLISHED
}
