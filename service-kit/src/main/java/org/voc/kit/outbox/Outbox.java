package org.voc.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Records events in the caller's transaction, so a state change and its events commit or roll back together; the
 * {@link OutboxRelay} sends them to Kafka once the transaction has committed. Each service keeps the
 * {@code outbox_event} table in its own migrations.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the writing transaction; the relay observes it after a successful commit. */
    public record Written() {}

    private static final int JDBC_BATCH = 500;

    private final ObjectMapper json;
    private final Event<Written> written;
    private final EntityManager em;

    public Outbox(ObjectMapper json, Event<Written> written, EntityManager em) {
        this.json = json;
        this.written = written;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(org.voc.events.Event<?> event) {
        publishAll(List.of(event));
    }

    /** Many events in JDBC batches, for set-based writes: a group commit, an import, an expiry sweep. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(Collection<? extends org.voc.events.Event<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, topic, record_key, type, payload, created_at)
                    values (?, ?, ?, ?, ?::jsonb, ?)""")) {
                int pending = 0;
                for (org.voc.events.Event<?> event : events) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, event.type().topic());
                    insert.setString(3, event.key());
                    insert.setString(4, event.type().type());
                    insert.setString(5, serialise(event));
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if (++pending % JDBC_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        written.fire(new Written());
    }

    private String serialise(org.voc.events.Event<?> event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the payload of " + event.type() + " is not serialisable", e);
        }
    }
}
