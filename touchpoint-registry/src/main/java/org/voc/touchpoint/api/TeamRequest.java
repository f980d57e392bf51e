package org.voc.touchpoint.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.events.TeamState;

/** Body of team create (key required) and update (key omitted or equal to the path). */
@Schema(name = "TeamRequest")
public record TeamRequest(
        @Schema(description = "Immutable slug, the value touchpoints name as ownerTeam", example = "cards-ops")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9-]{1,79}",
                message = "must be a lower-case slug of 2 to 80 letters, digits and dashes")
        String key,

        @Schema(example = "Cards operations") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "Who is called when a case of this team is at risk (a team lead, a mailbox). A team"
                        + " without an escalationLadder escalates a breached case to this contact at once, as a"
                        + " one-step ladder; with a ladder, the ladder decides and this stays for people to read.",
                example = "lead.cards@example.com")
        @Size(max = 200)
        String escalationContact,

        @Schema(description = "When the team works; case SLAs count these hours") @NotNull @Valid
        WorkingHours workingHours,

        @Schema(description = "IANA time zone of the working hours", example = "Europe/Paris") @NotBlank @Size(max = 60)
        String timeZone,

        @Schema(
                description = "Keycloak user names of the team's case agents (at most " + TeamState.MAX_MEMBERS
                        + ", each 1 to " + MAX_USERNAME + " letters, digits and . _ @ + -). Kept in lower case,"
                        + " without duplicates. An agent sees only the cases of the teams that name them."
                        + " Omitted: no members (a change replaces the list).",
                example = "[\"agent\", \"j.smith\"]")
        @Size(max = TeamState.MAX_MEMBERS)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[\\p{L}\\p{N}._@+-]{1," + MAX_USERNAME + "}",
                                message = "must be a user name of 1 to " + MAX_USERNAME
                                        + " letters, digits and . _ @ + -")
                        String>
                members,

        @Schema(
                description = "Days the team does not work (public holidays, closures): local dates in its time zone,"
                        + " at most " + TeamState.MAX_HOLIDAYS + ". Case SLAs do not count them. Kept once a date,"
                        + " in date order. Omitted: none (a change replaces the list).",
                example = "[{\"date\": \"2027-01-01\", \"name\": \"New Year\"}]")
        @Size(max = TeamState.MAX_HOLIDAYS)
        List<@NotNull @Valid Holiday> holidays,

        @Schema(
                description = "Whom a breached case of this team escalates to, step after step, in order of `after`"
                        + " (at most " + TeamState.MAX_LADDER_STEPS + " steps). Omitted or empty: a breach"
                        + " escalates to `escalationContact` alone, at once. A change replaces the ladder.",
                example = "[{\"after\": \"PT0S\", \"recipients\": [\"lead.cards\"], \"label\": \"team lead\"},"
                        + " {\"after\": \"PT4H\", \"recipients\": [\"head.cx@example.com\"],"
                        + " \"label\": \"head of CX\"}]")
        @Size(max = TeamState.MAX_LADDER_STEPS)
        List<@NotNull @Valid EscalationStep> escalationLadder) {

    /** Keycloak's own limit of a user name. */
    static final int MAX_USERNAME = 255;

    /** A day off. */
    @Schema(name = "Holiday")
    public record Holiday(
            @Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    format = "date",
                    maxLength = 10,
                    example = "2027-01-01")
            @NotNull
            LocalDate date,

            @Schema(description = "What the day is, for people", example = "New Year") @Size(max = 200)
            String name) {}

    /** One step of the escalation ladder. */
    @Schema(name = "EscalationStep")
    public record EscalationStep(
            @Schema(
                    description = "Business time (the team's working hours, holidays excluded) after a case's"
                            + " breach when this step fires, as an ISO-8601 duration; at most PT744H (31 days)",
                    example = "PT2H")
            @NotBlank
            @Size(max = 40)
            String after,

            @Schema(
                    description = "Keycloak user names or e-mail addresses to notify (1 to " + TeamState.MAX_NOTIFY
                            + "); kept in lower case, once each",
                    example = "[\"lead.cards\", \"cx-escalations@example.com\"]")
            @NotEmpty
            @Size(max = TeamState.MAX_NOTIFY)
            List<
                            @NotNull
                            @Pattern(
                                    regexp = "[\\p{L}\\p{N}._@+-]{1," + MAX_USERNAME + "}",
                                    message = "must be a user name or e-mail address of 1 to " + MAX_USERNAME
                                            + " letters, digits and . _ @ + -")
                            String>
                    recipients,

            @Schema(description = "Who the step reaches, for people", example = "team lead") @Size(max = 200)
            String label) {}

    /** Working days and the local start and end of the working day. */
    @Schema(
            name = "WorkingHours",
            example = "{\"days\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"], "
                    + "\"start\": \"08:00\", \"end\": \"18:00\"}")
    public record WorkingHours(
            @NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> days,

            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "08:00")
            @NotNull
            LocalTime start,

            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "18:00")
            @NotNull
            LocalTime end) {}
}
