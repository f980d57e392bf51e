package org.voc.survey.distribution.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.distribution.domain.InteractionIntake;

/** Up to 1000 interactions decided together. */
public record InteractionBatchRequest(
        @Schema(required = true, maxItems = InteractionIntake.MAX_BATCH)
        List<InteractionRequest> interactions) {}
