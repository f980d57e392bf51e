package org.voc.cases.rules.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.domain.CasePriority;

/** Body of a case rule's creation and change (a change replaces every field). */
@Schema(name = "CaseRuleRequest")
public record CaseRuleRequest(
        @Schema(example = "Late card delivery") @NotBlank @Size(max = 120)
        String name,

        @Schema(description = "A disabled rule opens nothing; omitted: true", example = "true")
        Boolean enabled,

        @Schema(description = "All conditions that are present must hold; at least one asks about the answers")
        @NotNull
        @Valid
        Conditions conditions,

        @Schema(description = "Priority of the case; a response matching several rules takes the highest") @NotNull
        CasePriority priority,

        @Schema(
                description = "Time to first contact with the customer, ISO-8601, positive, at most P366D",
                example = "PT4H")
        @NotBlank
        @Size(max = 40)
        String firstContactTarget,

        @Schema(
                description = "Time to resolution, ISO-8601 (shown back in hours: P3D is PT72H), not shorter than"
                        + " firstContactTarget, at most P366D",
                example = "P3D")
        @NotBlank
        @Size(max = 40)
        String resolutionTarget,

        @Schema(
                description = "Team that gets the case instead of the touchpoint's owner team; omitted: the owner",
                example = "courier-desk")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9-]{1,79}",
                message = "must be a lower-case slug of 2 to 80 letters, digits and dashes")
        String team,

        @Schema(
                description = "Re-invite the customer with a recovery survey when a case this rule opened is closed:"
                        + " an interaction of the case-closure touchpoint goes to survey-service's distribution, which"
                        + " applies its rules, contact governance and opt-outs (docs/improvement.md); omitted: false",
                example = "true")
        Boolean recoverySurvey) {

    static final int MAX_ENTRIES = 50;
    static final int MAX_ENTRY = 200;

    /** The conditions of a rule; each is optional. */
    @Schema(name = "CaseRuleConditions")
    public record Conditions(
            @Schema(description = "NPS (0–10) at most atMost") @Valid
            NpsAtMost nps,

            @Schema(description = "A CSAT answer (1–5) below `below`") @Valid
            CsatBelow csat,

            @Schema(description = "A CES answer (1–7) at or above atLeast: high effort") @Valid
            CesAtLeast ces,

            @Schema(description = "A customer-loyalty-index part (NPS, repurchase or cross-buy, 0–10) at most atMost")
            @Valid
            CliAtMost cli,

            @Schema(description = "A RATING answer (of one question, or any) below `below`") @Valid
            RatingBelow rating,

            @Schema(description = "Keywords or phrases in a free-text answer, in any word form") @Valid
            TextAnyOf text,

            @Schema(
                    description = "Touchpoint keys; the response's must be one of them",
                    example = "[\"card-delivery\"]")
            @Size(max = MAX_ENTRIES)
            List<@NotBlank @Size(max = MAX_ENTRY) String> touchpoints,

            @Schema(description = "Customer segments, case-insensitive; the response's must be one of them")
            @Size(max = MAX_ENTRIES)
            List<@NotBlank @Size(max = MAX_ENTRY) String> segments,

            @Schema(
                    description = "Channels, case-insensitive; the response's must be one of them",
                    example = "[\"WEB\"]")
            @Size(max = MAX_ENTRIES)
            List<@NotBlank @Size(max = MAX_ENTRY) String> channels) {}

    /** NPS ≤ atMost. */
    public record NpsAtMost(
            @Schema(description = "Omitted: 6 (a detractor)") @Min(0) @Max(10)
            Integer atMost) {}

    /** CSAT < below. */
    public record CsatBelow(
            @Schema(description = "Omitted: 3") @Min(2) @Max(5)
            Integer below) {}

    /** CES ≥ atLeast. */
    public record CesAtLeast(
            @Schema(description = "Omitted: 5") @Min(1) @Max(7)
            Integer atLeast) {}

    /** A CLI part ≤ atMost. */
    public record CliAtMost(
            @Schema(description = "Omitted: 6") @Min(0) @Max(10)
            Integer atMost) {}

    /** A RATING answer < below. */
    public record RatingBelow(
            @Schema(description = "Question id; omitted: any RATING question", example = "speed") @Size(max = 100)
            String questionId,

            @Schema(example = "3") @NotNull @Min(-1000) @Max(1000)
            Integer below) {}

    /** Any of the keywords or phrases. */
    public record TextAnyOf(
            @Schema(
                    description = "Keywords or phrases (Russian or English, case-insensitive). A keyword"
                            + " matches its word forms («задержка»: «задержкой», «задержки»; \"delay\":"
                            + " \"delayed\"); a phrase matches its words' forms in order, adjacent.",
                    example = "[\"задержка\", \"курьер не приехал\", \"delay\"]")
            @NotNull
            @Size(min = 1, max = MAX_ENTRIES)
            List<@NotBlank @Size(max = MAX_ENTRY) String> anyOf) {}
}
