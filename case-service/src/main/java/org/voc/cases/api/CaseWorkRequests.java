package org.voc.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.domain.ContactChannel;
import org.voc.cases.domain.ContactOutcome;

/** The bodies of the case actions (docs/cases.md, "Working a case"); every string is bounded. */
final class CaseWorkRequests {

    static final int MAX_NOTE = 2000;
    static final int MAX_CAUSES = 10;
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    static final String CODE_MESSAGE = "must be a code of 1 to 64 letters, digits, '_', '.' and '-'";

    private CaseWorkRequests() {}

    @Schema(name = "CaseAssignRequest")
    record Assign(
            @Schema(description = "Keycloak user name of a member of the case's team", example = "anna.agent")
            @NotBlank
            @Size(max = 255)
            String assignee) {}

    @Schema(name = "CaseContactRequest")
    record Contact(
            @Schema(example = "PHONE") @NotNull ContactChannel channel,

            @Schema(example = "REACHED") @NotNull ContactOutcome outcome,

            @Schema(
                    description = "What was said; kept in the case's history only (never in events), removed when the"
                            + " customer is erased",
                    example = "Apologised for the delay; the card goes out by courier tomorrow")
            @Size(max = MAX_NOTE)
            String note) {}

    @Schema(name = "CaseResolveRequest")
    record Resolve(
            @Schema(description = "The resolution code your desk uses", example = "REISSUED_CARD")
            @NotBlank
            @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @Schema(
                    description = "How it was resolved; removed when the customer is erased, never in events",
                    example = "Card reissued with express delivery")
            @Size(max = MAX_NOTE)
            String note,

            @Schema(description = "A goodwill gesture made to the customer, if any") @Valid
            Gesture gesture,

            @Schema(
                    description = "Why the customer was unhappy: ids of active root causes (GET /api/root-causes), at"
                            + " most 10, in order of weight; repeats count once. Optional; required before closing"
                            + " when the desk turns voc.cases.root-cause-required on",
                    example = "[\"6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21\"]")
            @Size(max = MAX_CAUSES)
            List<@NotNull UUID> rootCauses) {}

    @Schema(name = "CaseRootCausesRequest")
    record RootCauses(
            @Schema(
                    description = "Ids of active root causes, at most 10, replacing those the case has; empty removes"
                            + " them (refused on a closed case while a root cause is required)",
                    example = "[\"6c0e6a52-3f5e-4a8e-9a59-3d1f4f0e7b21\"]")
            @NotNull
            @Size(max = MAX_CAUSES)
            List<@NotNull UUID> rootCauses) {}

    @Schema(name = "CaseGesture")
    record Gesture(
            @Schema(example = "FEE_REFUND") @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String type,

            @Schema(description = "At least 0, at most 2 decimals; requires currency", example = "15.00")
            @DecimalMin("0")
            @DecimalMax("9999999999.99")
            @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @Schema(description = "ISO 4217 code of the amount", example = "EUR")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR")
            String currency) {}

    @Schema(name = "CaseReopenRequest")
    record Reopen(
            @Schema(
                    description = "Why; kept in the case's history only, removed when the customer is erased",
                    example = "Customer called: the new card has not arrived either")
            @NotBlank
            @Size(max = 500)
            String reason) {}
}
