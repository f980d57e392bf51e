package org.voc.survey.distribution.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1000 interactions decided together. */
public record InteractionBatchRequest(
        @Schema(required = true) List<InteractionRequest> interactions) {}
