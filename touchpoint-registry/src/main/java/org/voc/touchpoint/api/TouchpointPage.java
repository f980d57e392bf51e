package org.voc.touchpoint.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of touchpoints; pass {@code nextCursor} as {@code after} to read the next one. */
public record TouchpointPage(
        List<TouchpointView> items,

        @Schema(description = "Cursor of the next page, absent on the last page")
        String nextCursor,

        @Schema(description = "How many touchpoints match the filters, over all pages")
        Long total) {}
