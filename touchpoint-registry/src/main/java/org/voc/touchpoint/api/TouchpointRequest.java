package org.voc.touchpoint.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.SignalKind;
import org.voc.touchpoint.domain.TouchpointStatus;

/** Body of create (key required) and update (key omitted or equal to the path: keys never change). */
@Schema(name = "TouchpointRequest")
public record TouchpointRequest(
        @Schema(description = "Immutable slug, unique across the registry", example = "card-delivery")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}", message = "must be a lower-case slug of 2 to 80 letters, digits and dashes")
        String key,
        @Schema(example = "Card delivery at the branch") @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotNull Channel channel,
        @NotNull JourneyStage journeyStage,
        @NotNull SignalKind signalKind,
        @Schema(description = "Customer segments served here", example = "[\"RETAIL\"]")
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> segments,
        @Size(max = 120) String product,
        @Schema(description = "Key of the team that owns the touchpoint and its cases", example = "cards-ops")
        @NotBlank @Size(max = 80) String ownerTeam,
        @Schema(description = "Defaults to ACTIVE on create") TouchpointStatus status) {
}
