package org.voc.survey.distribution.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;
import org.voc.survey.distribution.domain.ContactPolicy;
import org.voc.survey.distribution.domain.OptOut;

/** The global contact policy (one row) and the opt-out list. */
@ApplicationScoped
public class ContactRepository {

    private final EntityManager em;

    public ContactRepository(EntityManager em) {
        this.em = em;
    }

    /** The stored policy; empty while the defaults apply. */
    public Optional<ContactPolicy> policy() {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select =
                            connection.prepareStatement("select max_invitations, window_seconds, updated_at, updated_by"
                                    + " from contact_policy where id = 1");
                    ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new ContactPolicy(
                                rows.getInt(1),
                                Duration.ofSeconds(rows.getLong(2)),
                                Jdbc.instant(rows, 3),
                                rows.getString(4)))
                        : Optional.empty();
            }
        });
    }

    public void savePolicy(ContactPolicy policy) {
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into contact_policy (id, max_invitations, window_seconds, updated_at, updated_by)
                    values (1, ?, ?, ?, ?)
                    on conflict (id) do update set max_invitations = excluded.max_invitations,
                        window_seconds = excluded.window_seconds, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by""")) {
                upsert.setInt(1, policy.maxInvitations());
                upsert.setLong(2, policy.window().toSeconds());
                Jdbc.setInstant(upsert, 3, policy.updatedAt());
                upsert.setString(4, policy.updatedBy());
                upsert.executeUpdate();
            }
        });
    }

    /** Adds the customer to the list, or changes the reason; the first opt-out time is kept. */
    public OptOut optOut(String customerRef, String reason, Instant at) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into opt_out (customer_ref, reason, opted_out_at) values (?, ?, ?)
                    on conflict (customer_ref) do update set reason = excluded.reason
                    returning customer_ref, reason, opted_out_at""")) {
                upsert.setString(1, customerRef);
                upsert.setString(2, reason);
                Jdbc.setInstant(upsert, 3, at);
                try (ResultSet rows = upsert.executeQuery()) {
                    rows.next();
                    return new OptOut(rows.getString(1), rows.getString(2), Jdbc.instant(rows, 3));
                }
            }
        });
    }

    /** True when the customer was on the list. */
    public boolean remove(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from opt_out where customer_ref = ?")) {
                delete.setString(1, customerRef);
                return delete.executeUpdate() > 0;
            }
        });
    }

    public Optional<OptOut> find(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select customer_ref, reason, opted_out_at from opt_out where customer_ref = ?")) {
                select.setString(1, customerRef);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new OptOut(rows.getString(1), rows.getString(2), Jdbc.instant(rows, 3)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Opt-out time of each of these customers who opted out; one query for a whole batch. */
    public Map<String, Instant> optedOut(Collection<String> customerRefs) {
        if (customerRefs.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select customer_ref, opted_out_at from opt_out where customer_ref = any(?)")) {
                select.setArray(1, connection.createArrayOf("text", customerRefs.toArray()));
                Map<String, Instant> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), Jdbc.instant(rows, 2));
                    }
                }
                return found;
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
