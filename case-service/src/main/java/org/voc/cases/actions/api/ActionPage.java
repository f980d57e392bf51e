package org.voc.cases.actions.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of improvement actions; pass {@code nextCursor} as {@code after} (with the same sort) for the next. */
@Schema(name = "ImprovementActionPage")
public record ActionPage(
        List<ActionView> items,

        @Schema(description = "Cursor of the next page, null on the last page")
        String nextCursor) {}
