package org.voc.cases.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of cases, newest first; pass {@code nextCursor} as {@code after} to read the next one. */
public record CasePage(
        List<CaseView> items,

        @Schema(description = "Cursor of the next page, null on the last page")
        String nextCursor) {}
