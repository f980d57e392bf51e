package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.case.routed.v1} on {@value Topics#CASES}, keyed by case id: a case opened before its touchpoint had an
 * owner team (its {@code voc.case.opened.v1} named no team) now has one. {@code informedTeams} are the touchpoint's
 * RACI "informed" teams, as on the opened event; the due times are the team's business-hours due times counted from
 * the opening, null for a case somebody already works (it keeps its own).
 */
public record CaseRouted(
        @NotNull UUID caseId,
        @NotBlank String touchpointKey,
        @NotBlank String team,
        @NotNull List<@NotBlank String> informedTeams,
        @NotNull Instant routedAt,
        Instant firstContactDueAt,
        Instant resolutionDueAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseRouted> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.routed.v1",
            CaseRouted.class,
            e -> e.caseId().toString());
}
