package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.case.opened.v1} on {@value Topics#CASES}, keyed by case id: a response matched the case rules and opened
 * a case. {@code team} is the owner team (null while the touchpoint's owner is not known yet); {@code informedTeams}
 * are the touchpoint's RACI "informed" teams, so that their subscribers hear of the case although they do not work
 * it. The due times are the team's business-hours due times at opening. No customer reference and no free text:
 * a consumer that needs them reads the response by {@code responseId}.
 */
public record CaseOpened(
        @NotNull UUID caseId,
        @NotNull UUID responseId,
        @NotNull UUID surveyId,
        String touchpointKey,
        String team,
        @NotNull List<@NotBlank String> informedTeams,
        @NotBlank String priority,
        Integer nps,
        @NotNull Instant openedAt,
        Instant firstContactDueAt,
        Instant resolutionDueAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseOpened> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.opened.v1",
            CaseOpened.class,
            e -> e.caseId().toString());
}
