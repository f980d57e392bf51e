package org.voc.events;

import java.util.Objects;

/** One event to publish: its type, its record key (the aggregate id) and its payload. */
public record Event<T>(EventType<T> type, String key, T payload) {

    public Event {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
