package org.voc.touchpoint.messaging;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction, so the state change and its event commit or roll back together.
 * The relay publishes it once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record Written() {
    }

    private final ObjectMapper json;
    private final Event<Written> written;

    private final EntityManager em;

    public Outbox(ObjectMapper json, Event<Written> written, EntityManager em) {
        this.json = json;
        this.written = written;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.createdAt = Instant.now();
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload of type " + type + " is not serialisable", e);
        }
        event.persist();
        written.fire(new Written());
    }

    /** One event of a batch: the record key and its payload. */
    public record Entry(String key, Object payload) {
    }

    /** Many events of one type in JDBC batches, for set-based writes such as an import. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(String topic, String type, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, record_key, type, payload, created_at)
                    values (?, ?, ?, ?, ?::jsonb, ?)""")) {
                int pending = 0;
                for (Entry entry : entries) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, topic);
                    insert.setString(3, entry.key());
                    insert.setString(4, type);
                    try {
                        insert.setString(5, json.writeValueAsString(entry.payload()));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("event payload of type " + type + " is not serialisable", e);
                    }
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if (++pending % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        written.fire(new Written());
    }
}
