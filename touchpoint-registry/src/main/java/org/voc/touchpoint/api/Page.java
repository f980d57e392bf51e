package org.voc.touchpoint.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a keyset-paginated listing; pass {@code nextCursor} as {@code after} to read the next one. */
public record Page<T>(
        List<T> items,

        @Schema(description = "Cursor of the next page, absent on the last page")
        String nextCursor) {}
