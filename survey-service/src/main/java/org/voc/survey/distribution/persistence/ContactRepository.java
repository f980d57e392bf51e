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
import org.voc.survey.privacy.domain.CustomerHash;

/**
 * The global contact policy (one row) and the opt-out list. The opt-outs of erased customers are kept as the keyed
 * hash of their reference ({@code opt_out_erased}), so every check also looks the hash up.
 */
@ApplicationScoped
public class ContactRepository {

    private final EntityManager em;
    private final CustomerHash hash;

    public ContactRepository(EntityManager em, CustomerHash hash) {
        this.em = em;
        this.hash = hash;
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

    /** True when the customer was on the list, also as an erased customer. */
    public boolean remove(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from opt_out where customer_ref = ?");
                    PreparedStatement erased =
                            connection.prepareStatement("delete from opt_out_erased where customer_hash = ?")) {
                delete.setString(1, customerRef);
                erased.setString(1, hash.of(customerRef));
                return delete.executeUpdate() + erased.executeUpdate() > 0;
            }
        });
    }

    /** The customer's opt-out; that of an erased customer has kept no reason. */
    public Optional<OptOut> find(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select reason, opted_out_at from opt_out where customer_ref = ?
                    union all select null, opted_out_at from opt_out_erased where customer_hash = ?
                    order by opted_out_at limit 1""")) {
                select.setString(1, customerRef);
                select.setString(2, hash.of(customerRef));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new OptOut(customerRef, rows.getString(1), Jdbc.instant(rows, 2)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Replaces the customer's opt-out by the keyed hash of the reference, keeping the first opt-out time and
     * dropping the reason; returns 1 when the customer had opted out, else 0.
     */
    public int eraseOptOut(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement move = connection.prepareStatement("""
                    with gone as (delete from opt_out where customer_ref = ? returning opted_out_at)
                    insert into opt_out_erased (customer_hash, opted_out_at) select ?, opted_out_at from gone
                    on conflict (customer_hash) do update
                        set opted_out_at = least(opt_out_erased.opted_out_at, excluded.opted_out_at)""")) {
                move.setString(1, customerRef);
                move.setString(2, hash.of(customerRef));
                return move.executeUpdate();
            }
        });
    }

    /**
     * Opt-out time of each of these customers who opted out, by reference or, for erased customers, by hash; one
     * query for a whole batch.
     */
    public Map<String, Instant> optedOut(Collection<String> customerRefs) {
        if (customerRefs.isEmpty()) {
            return Map.of();
        }
        Map<String, String> byHash = new HashMap<>();
        for (String ref : customerRefs) {
            byHash.put(hash.of(ref), ref);
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select customer_ref, null, opted_out_at from opt_out where customer_ref = any(?)
                    union all
                    select null, customer_hash, opted_out_at from opt_out_erased where customer_hash = any(?)""")) {
                select.setArray(1, connection.createArrayOf("text", customerRefs.toArray()));
                select.setArray(
                        2, connection.createArrayOf("text", byHash.keySet().toArray()));
                Map<String, Instant> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String ref = rows.getString(1) != null ? rows.getString(1) : byHash.get(rows.getString(2));
                        found.merge(ref, Jdbc.instant(rows, 3), (a, b) -> a.isBefore(b) ? a : b);
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
