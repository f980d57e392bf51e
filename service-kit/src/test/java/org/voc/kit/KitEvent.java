package org.voc.kit;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.voc.events.EventType;

/** The test application's event: an item to store, keyed by its id. */
public record KitEvent(@NotNull UUID id, String name) {

    public static final EventType<KitEvent> TYPE =
            EventType.of("kit.events", "kit.event.v1", KitEvent.class, e -> e.id().toString());

    /** Another type on the same topic that the test consumer knowingly leaves alone. */
    public record Note(String text) {
        public static final EventType<Note> TYPE = EventType.of("kit.events", "kit.note.v1", Note.class, n -> "note");
    }
}
