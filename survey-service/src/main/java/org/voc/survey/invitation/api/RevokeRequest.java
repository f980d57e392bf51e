package org.voc.survey.invitation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an invitation is revoked (optional, up to 500 characters), kept with it for the audit. */
public record RevokeRequest(
        @Schema(
                description = "Why the invitation is withdrawn",
                maxLength = 500,
                example = "the SMS went to a wrong number")
        String reason) {}
