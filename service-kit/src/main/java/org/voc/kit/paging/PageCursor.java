package org.voc.kit.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.voc.kit.input.StorableValues;
import org.voc.kit.problem.Invalid;

/**
 * The opaque {@code after} cursor of lists paged newest first by (time, id): base64url of "time|id" of the last item
 * of a page, so clients cannot build or depend on it, and pages stay right while items are being added.
 */
public final class PageCursor {

    /** Where the next page starts: after the item with this time and id. */
    public record Position(Instant at, UUID id) {}

    private PageCursor() {}

    public static String encode(Instant at, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position in {@code after}, null when it is absent; 400 naming {@code after} when it is not a cursor. */
    public static Position decode(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] position = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
            if (position.length == 2 && StorableValues.storable(Instant.parse(position[0]))) {
                return new Position(Instant.parse(position[0]), UUID.fromString(position[1]));
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw Invalid.field("after", "must be the nextCursor of a previous page");
    }
}
