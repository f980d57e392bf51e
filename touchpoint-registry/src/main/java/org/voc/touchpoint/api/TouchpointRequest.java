package org.voc.touchpoint.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.ExternalRef;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.Raci;
import org.voc.touchpoint.domain.SignalKind;
import org.voc.touchpoint.domain.TouchpointFields;
import org.voc.touchpoint.domain.TouchpointStatus;

/** Body of create (key required) and update (key omitted or equal to the path: keys never change). */
@Schema(name = "TouchpointRequest")
public record TouchpointRequest(
        @Schema(description = "Immutable slug, unique across the registry", example = "card-delivery")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9-]{1,79}",
                message = "must be a lower-case slug of 2 to 80 letters, digits and dashes")
        String key,

        @Schema(example = "Card delivery at the branch") @NotBlank @Size(max = 200)
        String name,

        @Size(max = 4000) String description,
        @NotNull Channel channel,
        @NotNull JourneyStage journeyStage,
        @NotNull SignalKind signalKind,

        @Schema(description = "Customer segments served here", example = "[\"RETAIL\"]") @Size(max = 50)
        List<@NotBlank @Size(max = 60) String> segments,

        @Size(max = 120) String product,

        @Schema(
                description =
                        "Key of the team that owns the touchpoint and its cases; the team need not be registered yet",
                example = "cards-ops")
        @NotBlank
        @Size(max = 80)
        String ownerTeam,

        @Schema(description = "Defaults to ACTIVE on create; RETIRED retires the touchpoint (its history stays)")
        TouchpointStatus status,

        @Schema(description = "Team keys per RACI role") @Valid
        RaciBody raci,

        @Schema(description = "Free tags", example = "[\"digital\", \"kyc\"]") @Size(max = 50)
        List<@NotBlank @Size(max = 60) String> tags,

        @Schema(
                description =
                        "External events that mean \"this touchpoint happened\"; each resolves to one touchpoint only")
        @Size(max = 50)
        List<@NotNull @Valid ExternalRefBody> externalRefs) {

    /** RACI of a touchpoint: team keys per role. */
    @Schema(
            name = "Raci",
            example = "{\"responsible\": [\"branch-ops\"], \"accountable\": [\"cards-ops\"], "
                    + "\"consulted\": [\"cx-design\"], \"informed\": [\"cx-analytics\"]}")
    public record RaciBody(
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> responsible,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> accountable,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> consulted,
            @Size(max = 20) List<@NotBlank @Size(max = 80) String> informed) {

        Raci toDomain() {
            return new Raci(orEmpty(responsible), orEmpty(accountable), orEmpty(consulted), orEmpty(informed));
        }

        static RaciBody of(Raci raci) {
            return new RaciBody(raci.responsible(), raci.accountable(), raci.consulted(), raci.informed());
        }
    }

    /** An external system and its event type (or other reference) for this touchpoint. */
    @Schema(name = "ExternalRef", example = "{\"system\": \"crm\", \"ref\": \"card.delivered\"}")
    public record ExternalRefBody(
            @Schema(description = "Lower-case name of the system", example = "crm")
            @NotBlank
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9._-]{0,59}",
                    message = "must be a lower-case name of 1 to 60 letters, digits, dots, dashes and underscores")
            String system,

            @Schema(description = "The system's event type or identifier", example = "card.delivered")
            @NotBlank
            @Size(max = 200)
            String ref) {}

    TouchpointFields toFields() {
        return new TouchpointFields(
                name,
                description,
                channel,
                journeyStage,
                signalKind,
                segments,
                product,
                ownerTeam,
                status,
                raci == null ? null : raci.toDomain(),
                tags,
                externalRefs == null
                        ? null
                        : externalRefs.stream()
                                .map(r -> new ExternalRef(r.system(), r.ref()))
                                .toList());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
