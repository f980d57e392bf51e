package org.voc.kit.paging;

import org.voc.kit.problem.Invalid;

/** The {@code limit} of a paged list: 50 items unless asked, at most 500, so one request never reads a whole table. */
public final class PageLimit {

    public static final int DEFAULT = 50;
    public static final int MAX = 500;

    private PageLimit() {}

    /** The page size in {@code limit}; 400 naming {@code limit} when it is not a whole number from 1 to 500. */
    public static int parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Invalid.field("limit", "must be a whole number from 1 to " + MAX);
    }
}
