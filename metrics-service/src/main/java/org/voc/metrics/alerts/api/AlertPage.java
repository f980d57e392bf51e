package org.voc.metrics.alerts.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.metrics.alerts.domain.Alert;

/** One page of alerts, newest first; pass {@code nextCursor} as {@code after} to read the next one. */
public record AlertPage(
        List<Alert> items,

        @Schema(description = "Cursor of the next page, null on the last page")
        String nextCursor) {}
