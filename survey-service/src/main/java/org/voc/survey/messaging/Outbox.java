package org.voc.survey.messaging;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
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
        event(topic, key, type, payload, Instant.now()).persist();
        written.fire(new Written());
    }

    /** Records many events with one JDBC batch in the caller's transaction (the decision writer's path). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (id, topic, record_key, type, payload, created_at) "
                            + "values (?, ?, ?, ?, ?::jsonb, ?)")) {
                for (OutboxEvent event : events) {
                    insert.setObject(1, event.id);
                    insert.setString(2, event.topic);
                    insert.setString(3, event.recordKey);
                    insert.setString(4, event.type);
                    insert.setString(5, event.payload);
                    insert.setObject(6, event.createdAt.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new Written());
    }

    /** An outbox row not yet stored, for {@link #addAll(List)}. */
    public OutboxEvent event(String topic, String key, String type, Object payload, Instant createdAt) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.recordKey = key;
        event.type = type;
        event.createdAt = createdAt;
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload of type " + type + " is not serialisable", e);
        }
        return event;
    }
}
