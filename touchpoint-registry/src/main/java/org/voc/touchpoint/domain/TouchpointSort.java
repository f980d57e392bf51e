package org.voc.touchpoint.domain;

/** Orders of the touchpoint listing; each ends on the unique key, so keyset pages never skip nor repeat. */
public enum TouchpointSort {
    KEY("key", "key", false),
    KEY_DESC("-key", "key", true),
    NAME("name", "name", false),
    NAME_DESC("-name", "name", true),
    UPDATED("updatedAt", "updatedAt", false),
    UPDATED_DESC("-updatedAt", "updatedAt", true);

    public final String param;
    public final String column;
    public final boolean descending;

    TouchpointSort(String param, String column, boolean descending) {
        this.param = param;
        this.column = column;
        this.descending = descending;
    }

    public static TouchpointSort of(String param) {
        for (TouchpointSort sort : values()) {
            if (sort.param.equals(param)) {
                return sort;
            }
        }
        return null;
    }
}
