package org.voc.survey.distribution.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of decisions, newest first; pass {@code nextCursor} as {@code after} to read the next one. */
public record DecisionPage(
        List<DecisionView> items,

        @Schema(description = "Cursor of the next page, absent on the last page")
        String nextCursor) {}
