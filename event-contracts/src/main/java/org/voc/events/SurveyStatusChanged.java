package org.voc.events;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.survey.status-changed.v1} on {@value Topics#SURVEYS}, keyed {@code <surveyId>:status}: the
 * current lifecycle status of a survey (DRAFT, PUBLISHED, PAUSED or ARCHIVED). Compaction keeps the latest per
 * survey; {@code changedAt} orders updates should a reader see them out of order.
 */
public record SurveyStatusChanged(
        @NotNull UUID surveyId,
        @NotNull String status,
        Integer latestVersion,
        @NotNull Instant changedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<SurveyStatusChanged> TYPE = EventType.of(
            Topics.SURVEYS, "voc.survey.status-changed.v1", SurveyStatusChanged.class, s -> s.surveyId() + ":status");
}
