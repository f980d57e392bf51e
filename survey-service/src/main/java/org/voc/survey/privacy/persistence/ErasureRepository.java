package org.voc.survey.privacy.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;
import org.voc.survey.privacy.domain.Erasure;

/** Erasures and their parts per service; the clear customer reference is written once and dropped on completion. */
@ApplicationScoped
public class ErasureRepository {

    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public ErasureRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The pending erasure of the customer with this hash, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> pending(String customerHash) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from erasure where customer_hash = ? and completed_at is null limit 1")) {
                select.setString(1, customerHash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(
            UUID id, String customerRef, String customerHash, Instant at, String by, Collection<String> services) {
        session().doWork(connection -> {
            try (PreparedStatement erasure = connection.prepareStatement("insert into erasure"
                            + " (id, customer_ref, customer_hash, requested_at, requested_by) values (?, ?, ?, ?, ?)");
                    PreparedStatement part = connection.prepareStatement(
                            "insert into erasure_service (erasure_id, service) values (?, ?)")) {
                erasure.setObject(1, id);
                erasure.setString(2, customerRef);
                erasure.setString(3, customerHash);
                Jdbc.setInstant(erasure, 4, at);
                erasure.setString(5, by);
                erasure.executeUpdate();
                for (String service : services) {
                    part.setObject(1, id);
                    part.setString(2, service);
                    part.addBatch();
                }
                part.executeBatch();
            }
        });
    }

    /** Records a service's part as done; false when it was done already or is not part of this erasure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean report(UUID id, String service, Map<String, Long> counts, Instant at) {
        String written = write(counts);
        return session().doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update erasure_service set counts = ?::jsonb, completed_at = ?
                    where erasure_id = ? and service = ? and completed_at is null""")) {
                update.setString(1, written);
                Jdbc.setInstant(update, 2, at);
                update.setObject(3, id);
                update.setString(4, service);
                return update.executeUpdate() > 0;
            }
        });
    }

    /** Completes the erasure once every part is done, dropping the clear customer reference. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeIfDone(UUID id) {
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update erasure e set customer_ref = null,
                        completed_at = (select max(completed_at) from erasure_service where erasure_id = e.id)
                    where e.id = ? and e.completed_at is null
                      and not exists (select 1 from erasure_service
                                      where erasure_id = e.id and completed_at is null)""")) {
                update.setObject(1, id);
                update.executeUpdate();
            }
        });
    }

    public Optional<Erasure> find(UUID id) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement erasure = connection.prepareStatement(
                            "select requested_at, requested_by, completed_at from erasure where id = ?");
                    PreparedStatement parts = connection.prepareStatement("select service, counts::text, completed_at"
                            + " from erasure_service where erasure_id = ? order by service")) {
                erasure.setObject(1, id);
                parts.setObject(1, id);
                try (ResultSet head = erasure.executeQuery();
                        ResultSet rows = parts.executeQuery()) {
                    if (!head.next()) {
                        return Optional.empty();
                    }
                    List<Erasure.ServicePart> services = new ArrayList<>();
                    while (rows.next()) {
                        String counts = rows.getString(2);
                        services.add(new Erasure.ServicePart(
                                rows.getString(1), counts == null ? null : read(counts), Jdbc.instant(rows, 3)));
                    }
                    return Optional.of(
                            new Erasure(id, Jdbc.instant(head, 1), head.getString(2), Jdbc.instant(head, 3), services));
                }
            }
        });
    }

    private String write(Map<String, Long> counts) {
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts are not serialisable", e);
        }
    }

    private Map<String, Long> read(String counts) {
        try {
            return json.readValue(counts, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored counts are not valid JSON", e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
