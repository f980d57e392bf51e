package org.voc.metrics.impact.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.metrics.impact.domain.Study;

/** One page of impact studies, newest done date first; pass {@code nextCursor} as {@code after} for the next. */
public record StudyPage(
        List<Study> items,

        @Schema(description = "Cursor of the next page, null on the last page")
        String nextCursor) {}
