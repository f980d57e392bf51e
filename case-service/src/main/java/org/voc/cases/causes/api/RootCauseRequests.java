package org.voc.cases.causes.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the taxonomy's writes (docs/improvement.md, "The taxonomy"); every string is bounded. */
final class RootCauseRequests {

    /** The shape of a case's resolution code: causes are named in events and exports the same way. */
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    static final String CODE_MESSAGE = "must be a code of 1 to 64 letters, digits, '_', '.' and '-'";
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private RootCauseRequests() {}

    @Schema(name = "RootCauseCreateRequest")
    record Create(
            @Schema(
                    description = "Stable code, unique in the taxonomy; cases' events name the cause by it. It cannot"
                            + " change: retire the cause and create another instead",
                    example = "COURIER_LATE")
            @NotBlank
            @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @Schema(example = "Courier late") @NotBlank @Size(max = MAX_NAME)
            String name,

            @Schema(example = "The courier came after the promised day, or not at all") @Size(max = MAX_DESCRIPTION)
            String description,

            @Schema(description = "The parent category; none for a top-level one. Must be active")
            UUID parentId) {}

    @Schema(name = "RootCauseUpdateRequest")
    record Update(
            @Schema(example = "Courier late") @NotBlank @Size(max = MAX_NAME)
            String name,

            @Schema(
                    description = "Replaces the description; absent or null removes it",
                    example = "The courier came after the promised day, or not at all")
            @Size(max = MAX_DESCRIPTION)
            String description,

            @Schema(
                    description = "The parent; absent or null makes it a top-level category. Not the cause itself nor"
                            + " one of its descendants (409 cycle); an active cause needs an active parent")
            UUID parentId,

            @Schema(
                    description = "false retires the cause (no new case may name it; those that do keep it), true"
                            + " reactivates it. A cause with active children cannot be retired",
                    example = "true")
            @NotNull
            Boolean active) {}
}
