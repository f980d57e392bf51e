package org.voc.survey.distribution.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the customer opted out (optional, up to 500 characters). */
public record OptOutRequest(
        @Schema(example = "asked the contact centre not to be surveyed", maxLength = 500)
        String reason) {}
