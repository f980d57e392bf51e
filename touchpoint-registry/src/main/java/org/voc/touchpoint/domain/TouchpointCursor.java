package org.voc.touchpoint.domain;

/** Where the previous page ended: the sort value of its last item (a key, name or instant) and its key. */
public record TouchpointCursor(Object value, String key) {}
