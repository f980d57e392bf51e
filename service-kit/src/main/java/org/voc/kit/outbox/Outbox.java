package org.voc.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.problem.PayloadTooLarge;

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
    private final int maxEventBytes;

    public Outbox(ObjectMapper json, Event<Written> written, EntityManager em, OutboxConfig config) {
        this.json = json;
        this.written = written;
        this.em = em;
        this.maxEventBytes = config.maxEventBytes();
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

    /** The payload as JSON; 413 when it is larger than the broker would take, before anything is stored. */
    private String serialise(org.voc.events.Event<?> event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the payload of " + event.type() + " is not serialisable", e);
        }
        // A char is at most three UTF-8 bytes: only payloads near the limit are measured exactly.
        if (payload.length() * 3L > maxEventBytes) {
            int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxEventBytes) {
                throw new PayloadTooLarge(
                        "event-too-large",
                        "Event too large",
                        "this change would publish a " + event.type().type() + " event of " + bytes + " bytes; at most "
                                + maxEventBytes + " are taken: make it smaller",
                        null);
            }
        }
        return payload;
    }
}
