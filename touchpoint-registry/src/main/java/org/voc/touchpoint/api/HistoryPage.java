package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.touchpoint.persistence.TouchpointChangeEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One page of a touchpoint's history, newest first. */
public record HistoryPage(List<Entry> items,
        @Schema(description = "Cursor of the next (older) page, absent on the last page") String nextCursor) {

    /** One revision: who made it, when, and each changed field's value before and after. */
    public record Entry(long revision,
            @Schema(description = "CREATED, UPDATED or IMPORTED") String action,
            @Schema(description = "Subject (sub) of the token that made the change") String actor,
            @Schema(description = "User name of that token, for reading") String actorName,
            Instant changedAt,
            @Schema(description = "Changed fields: {field: {from, to}}") Map<String, Object> changes) {

        private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
        };

        static Entry of(TouchpointChangeEntity c, ObjectMapper json) {
            try {
                return new Entry(c.revision, c.action, c.actor, c.actorName, c.changedAt, json.readValue(c.changes, MAP));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history entry " + c.id + " is unreadable", e);
            }
        }
    }
}
