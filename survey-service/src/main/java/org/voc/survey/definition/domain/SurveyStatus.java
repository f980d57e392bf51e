package org.voc.survey.definition.domain;

/**
 * DRAFT until the first version is published; a published survey can still be edited and published again.
 * PAUSED stops new invitations (answers to invitations already sent are still taken); ARCHIVED is final.
 */
public enum SurveyStatus {
    DRAFT,
    PUBLISHED,
    PAUSED,
    ARCHIVED
}
