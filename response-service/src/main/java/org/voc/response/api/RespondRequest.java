package org.voc.response.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A respondent's answers to an invitation; everything else comes from the token. */
@Schema(name = "RespondRequest")
public record RespondRequest(
        @Schema(
                description = "Client-chosen response id and idempotency key: sent again with the same answers it "
                        + "is answered 200 with the stored response. Generate one per form and keep it across retries.")
        UUID id,

        @NotNull @Size(max = 500) List<SubmitRequest.@NotNull @Valid AnswerRequest> answers) {}
