package org.voc.kit.inbound;

import java.util.ArrayList;
import java.util.List;
import org.voc.events.EventType;

/** The usable events of one poll (or of one record, when a batch is retried item by item), in offset order. */
public final class EventBatch {

    private final List<Received<?>> received;

    EventBatch(List<Received<?>> received) {
        this.received = List.copyOf(received);
    }

    /** The events of one type, in offset order. */
    public <T> List<T> events(EventType<T> type) {
        return received(type).stream().map(Received::event).toList();
    }

    /** The events of one type with their records, in offset order. */
    @SuppressWarnings("unchecked")
    public <T> List<Received<T>> received(EventType<T> type) {
        List<Received<T>> of = new ArrayList<>();
        for (Received<?> r : received) {
            if (r.type() == type) {
                of.add((Received<T>) r);
            }
        }
        return of;
    }

    public int size() {
        return received.size();
    }

    List<Received<?>> all() {
        return received;
    }
}
