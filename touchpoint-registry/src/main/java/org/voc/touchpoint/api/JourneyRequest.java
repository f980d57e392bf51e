package org.voc.touchpoint.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of journey create (key required) and update (key omitted or equal to the path). */
@Schema(name = "JourneyRequest")
public record JourneyRequest(
        @Schema(description = "Immutable slug", example = "card-onboarding")
        @Pattern(
                regexp = "[a-z0-9][a-z0-9-]{1,79}",
                message = "must be a lower-case slug of 2 to 80 letters, digits and dashes")
        String key,

        @Schema(example = "Card onboarding") @NotBlank @Size(max = 200)
        String name,

        @Size(max = 4000) String description,

        @Schema(description = "Ordered stages; a touchpoint may sit in several journeys") @NotNull @Size(max = 50)
        List<@NotNull @Valid Stage> stages) {

    /** One stage of the journey and the registered touchpoints in it. */
    @Schema(name = "JourneyStep", example = "{\"name\": \"Receive card\", \"touchpointKeys\": [\"card-delivery\"]}")
    public record Stage(
            @NotBlank @Size(max = 120) String name,
            @NotNull @Size(max = 1000) List<@NotBlank @Size(max = 80) String> touchpointKeys) {}
}
