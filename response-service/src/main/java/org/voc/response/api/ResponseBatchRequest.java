package org.voc.response.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.response.domain.ResponseIntake;

/** Up to 1000 responses submitted together: a bulk import sends its file in requests of this size. */
public record ResponseBatchRequest(
        @Schema(required = true, maxItems = ResponseIntake.MAX_BATCH) @NotNull @Size(max = ResponseIntake.MAX_BATCH)
        List<@NotNull @Valid SubmitRequest> responses) {}
