package org.voc.cases.causes.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.causes.domain.Placed;
import org.voc.cases.causes.domain.RootCause;

/** A cause of the taxonomy as the API shows it, with its place in the tree. */
@Schema(name = "RootCause")
public record RootCauseView(
        UUID id,
        @Schema(example = "COURIER_LATE") String code,
        @Schema(example = "Courier late") String name,
        String description,

        @Schema(description = "The parent category; null for a top-level one")
        UUID parentId,

        @Schema(description = "false: retired, no new case may name it")
        boolean active,

        @Schema(description = "The cause's ETag (also in the ETag header): send it as If-Match with a change")
        long version,

        @Schema(description = "The categories from the top down to this cause, itself last")
        List<Step> path,

        @Schema(
                description = "The names of the path joined with ' → '",
                example = "Process → Card delivery → Courier late")
        String pathName,

        @Schema(description = "0 for a top-level category") int depth,
        Instant createdAt,
        Instant updatedAt) {

    /** One category of a path. */
    @Schema(name = "RootCausePathStep")
    public record Step(
            UUID id,
            @Schema(example = "DELIVERY") String code,
            @Schema(example = "Card delivery") String name) {}

    static RootCauseView of(Placed placed) {
        RootCause c = placed.cause();
        List<Step> path = placed.path().stream()
                .map(p -> new Step(p.id(), p.code(), p.name()))
                .toList();
        return new RootCauseView(
                c.id(),
                c.code(),
                c.name(),
                c.description(),
                c.parentId(),
                c.active(),
                c.version(),
                path,
                String.join(" → ", path.stream().map(Step::name).toList()),
                placed.depth(),
                c.createdAt(),
                c.updatedAt());
    }
}
