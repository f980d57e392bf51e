package org.voc.touchpoint.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
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
                description = "Who is called when a case of this team is at risk (a team lead, a mailbox)",
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
                members) {

    /** Keycloak's own limit of a user name. */
    static final int MAX_USERNAME = 255;

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
