package org.voc.survey.privacy.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.distribution.domain.InteractionRules;

/** Whose data to erase: the customer reference the source systems use (1 to 200 characters). */
public record ErasureRequest(
        @Schema(example = "cust-42", required = true, maxLength = InteractionRules.MAX_REF)
        String customerRef) {}
