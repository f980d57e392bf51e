package org.voc.cases.actions.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.api.CaseView;

/** One page of an action's linked cases the caller may see, most recently linked first. */
@Schema(name = "ImprovementActionCasePage")
public record LinkedCasePage(
        List<Item> items,

        @Schema(description = "Cursor of the next page, null on the last page")
        String nextCursor) {

    @Schema(name = "ImprovementActionCase")
    public record Item(Instant linkedAt, CaseView linkedCase) {}
}
