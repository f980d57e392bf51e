package org.voc.metrics.alerts.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of alert rules in id order; pass {@code nextCursor} as {@code after} to read the next one. */
public record AlertRulePage(
        List<AlertRuleView> items,

        @Schema(description = "Cursor of the next page, null on the last page")
        String nextCursor) {}
