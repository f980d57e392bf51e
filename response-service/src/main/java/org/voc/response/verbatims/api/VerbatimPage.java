package org.voc.response.verbatims.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a search; {@code nextCursor} is null on the last page. */
public record VerbatimPage(
        List<VerbatimView> items,

        @Schema(description = "Pass as `after` to read the next page; null on the last page")
        String nextCursor) {}
