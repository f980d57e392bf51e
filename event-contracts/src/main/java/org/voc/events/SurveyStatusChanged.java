package org.voc.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value EventTypes#SURVEY_STATUS_CHANGED_V1} on {@value Topics#SURVEYS}, keyed {@code <surveyId>:status}: the
 * current lifecycle status of a survey (DRAFT, PUBLISHED, PAUSED or ARCHIVED). Compaction keeps the latest per
 * survey; {@code changedAt} orders updates should a reader see them out of order.
 */
public record SurveyStatusChanged(
        UUID surveyId,
        String status,
        Integer latestVersion,
        Instant changedAt) {
}
