package org.voc.cases.causes.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.causes.domain.DayTally;

/**
 * The response tally (response_tally) and the ids of the responses it has counted (processed_response), one
 * set-based statement each per poll, on the transaction's connection.
 */
@ApplicationScoped
public class ResponseTallyRepository {

    private static final String MARK_PROCESSED = """
            insert into processed_response (response_id)
            select id from unnest(?::text[]::uuid[]) as id
            on conflict (response_id) do nothing
            returning response_id""";
    private static final String ADD = """
            insert into response_tally (touchpoint_key, day, responses, nps_answers, promoters, passives, detractors)
            select * from unnest(?::text[], ?::text[]::date[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                                 ?::bigint[])
            on conflict (touchpoint_key, day) do update set
                responses = response_tally.responses + excluded.responses,
                nps_answers = response_tally.nps_answers + excluded.nps_answers,
                promoters = response_tally.promoters + excluded.promoters,
                passives = response_tally.passives + excluded.passives,
                detractors = response_tally.detractors + excluded.detractors""";

    private final EntityManager em;

    public ResponseTallyRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the ids as counted and returns those that were not recorded before. */
    public Set<UUID> markProcessed(Collection<UUID> ids) {
        // Sorted, so concurrent polls lock index entries in the same order.
        String[] sorted = ids.stream().sorted().map(UUID::toString).toArray(String[]::new);
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(MARK_PROCESSED)) {
                insert.setArray(1, connection.createArrayOf("text", sorted));
                Set<UUID> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
                return fresh;
            }
        });
    }

    /** Adds each day's counts to its row, creating missing rows; {@code tallies} in the order rows are locked in. */
    public void add(List<DayTally> tallies) {
        if (tallies.isEmpty()) {
            return;
        }
        int n = tallies.size();
        String[] keys = new String[n];
        String[] days = new String[n];
        Long[][] counts = new Long[5][n];
        for (int i = 0; i < n; i++) {
            DayTally t = tallies.get(i);
            keys[i] = t.touchpointKey();
            days[i] = t.day().toString();
            counts[0][i] = t.responses();
            counts[1][i] = t.npsAnswers();
            counts[2][i] = t.promoters();
            counts[3][i] = t.passives();
            counts[4][i] = t.detractors();
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(ADD)) {
                insert.setArray(1, connection.createArrayOf("text", keys));
                insert.setArray(2, connection.createArrayOf("text", days));
                for (int c = 0; c < 5; c++) {
                    insert.setArray(3 + c, connection.createArrayOf("bigint", counts[c]));
                }
                insert.executeUpdate();
            }
        });
    }

    /** Responses and NPS answers per touchpoint over the days {@code [from, to]}; those of one touchpoint if given. */
    public Map<String, long[]> totals(LocalDate from, LocalDate to, String touchpoint) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select touchpoint_key, sum(responses),"
                    + " sum(nps_answers) from response_tally where day between ? and ?"
                    + (touchpoint == null ? "" : " and touchpoint_key = ?")
                    + " group by touchpoint_key")) {
                select.setObject(1, from);
                select.setObject(2, to);
                if (touchpoint != null) {
                    select.setString(3, touchpoint);
                }
                Map<String, long[]> out = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
                    }
                }
                return out;
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
