package org.voc.metrics.funnel.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.funnel.domain.Dimension;
import org.voc.metrics.funnel.domain.FunnelCounts;
import org.voc.metrics.funnel.domain.FunnelQuery;
import org.voc.metrics.funnel.domain.FunnelRow;
import org.voc.metrics.funnel.domain.Granularity;
import org.voc.metrics.funnel.domain.InvitationFact;

/**
 * The funnel's fact rows and roll-up in plain JDBC: each batch is a fixed number of set-based statements (array
 * parameters unnested by PostgreSQL) in id or key order, whatever its size. Connections join the caller's JTA
 * transaction.
 */
@ApplicationScoped
public class FunnelRepository {

    private static final String CREATE = """
            insert into funnel_invitation (invitation_id)
            select id from unnest(?::uuid[]) as id order by id
            on conflict (invitation_id) do nothing""";

    private static final String LOCK = """
            select invitation_id, survey_id, touchpoint_key, channel, delivery_channel,
                   issued_at, opened_at, answered_at, expired_at
            from funnel_invitation where invitation_id = any(?::uuid[])
            order by invitation_id for update""";

    private static final String UPDATE = """
            update funnel_invitation f set
                survey_id = u.survey_id, touchpoint_key = u.touchpoint_key, channel = u.channel,
                delivery_channel = u.delivery_channel, issued_at = u.issued_at, opened_at = u.opened_at,
                answered_at = u.answered_at, expired_at = u.expired_at
            from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                        ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                as u(invitation_id, survey_id, touchpoint_key, channel, delivery_channel,
                     issued_at, opened_at, answered_at, expired_at)
            where f.invitation_id = u.invitation_id""";

    private static final String ADD = """
            insert into funnel_rollup (bucket_start, survey_id, touchpoint_key, channel, delivery_channel,
                                       issued, opened, answered, expired, closed)
            select * from unnest(?::timestamptz[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                                 ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
            on conflict (bucket_start, survey_id, touchpoint_key, channel, delivery_channel) do update set
                issued   = funnel_rollup.issued   + excluded.issued,
                opened   = funnel_rollup.opened   + excluded.opened,
                answered = funnel_rollup.answered + excluded.answered,
                expired  = funnel_rollup.expired  + excluded.expired,
                closed   = funnel_rollup.closed   + excluded.closed""";

    private static final String DELETE_BEFORE = """
            delete from funnel_invitation where invitation_id in (
                select invitation_id from funnel_invitation where recorded_at < ?
                limit ? for update skip locked)""";

    /** PostgreSQL's invalid_parameter_value, e.g. an unknown time-zone name. */
    private static final String INVALID_PARAMETER = "22023";

    private final AgroalDataSource dataSource;

    public FunnelRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates the rows that do not exist yet and locks them all, in id order, for the rest of the transaction;
     * returns what they hold. Creating first means that two consumers seeing a new invitation at once serialise on
     * its row instead of both believing they saw it first.
     */
    public List<InvitationFact> lock(Collection<UUID> ids) {
        UUID[] sorted = ids.stream().sorted().toArray(UUID[]::new);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement create = connection.prepareStatement(CREATE);
                PreparedStatement lock = connection.prepareStatement(LOCK)) {
            create.setArray(1, connection.createArrayOf("uuid", sorted));
            create.executeUpdate();
            lock.setArray(1, connection.createArrayOf("uuid", sorted));
            List<InvitationFact> facts = new ArrayList<>(sorted.length);
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    facts.add(new InvitationFact(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            instant(rows, 6),
                            instant(rows, 7),
                            instant(rows, 8),
                            instant(rows, 9)));
                }
            }
            return facts;
        } catch (SQLException e) {
            throw new PersistenceException("could not lock the funnel's invitations", e);
        }
    }

    /** Writes the facts over their (locked) rows. */
    public void update(List<InvitationFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        int size = facts.size();
        UUID[] ids = new UUID[size];
        UUID[] surveys = new UUID[size];
        String[] touchpoints = new String[size];
        String[] channels = new String[size];
        String[] deliveryChannels = new String[size];
        String[] issued = new String[size];
        String[] opened = new String[size];
        String[] answered = new String[size];
        String[] expired = new String[size];
        for (int i = 0; i < size; i++) {
            InvitationFact fact = facts.get(i);
            ids[i] = fact.invitationId();
            surveys[i] = fact.surveyId();
            touchpoints[i] = fact.touchpointKey();
            channels[i] = fact.channel();
            deliveryChannels[i] = fact.deliveryChannel();
            issued[i] = text(fact.issuedAt());
            opened[i] = text(fact.openedAt());
            answered[i] = text(fact.answeredAt());
            expired[i] = text(fact.expiredAt());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("uuid", surveys));
            update.setArray(3, connection.createArrayOf("text", touchpoints));
            update.setArray(4, connection.createArrayOf("text", channels));
            update.setArray(5, connection.createArrayOf("text", deliveryChannels));
            update.setArray(6, connection.createArrayOf("text", issued));
            update.setArray(7, connection.createArrayOf("text", opened));
            update.setArray(8, connection.createArrayOf("text", answered));
            update.setArray(9, connection.createArrayOf("text", expired));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not update the funnel's invitations", e);
        }
    }

    /** Adds the counts to their roll-up rows, creating those that do not exist yet, in key order. */
    public void add(SortedMap<CohortKey, FunnelCounts> increments) {
        if (increments.isEmpty()) {
            return;
        }
        int size = increments.size();
        String[] starts = new String[size];
        UUID[] surveys = new UUID[size];
        String[] touchpoints = new String[size];
        String[] channels = new String[size];
        String[] deliveryChannels = new String[size];
        Long[][] counts = new Long[5][size];
        int i = 0;
        for (Map.Entry<CohortKey, FunnelCounts> entry : increments.entrySet()) {
            CohortKey key = entry.getKey();
            FunnelCounts c = entry.getValue();
            starts[i] = key.bucketStart().toString();
            surveys[i] = key.surveyId();
            touchpoints[i] = key.touchpointKey();
            channels[i] = key.channel();
            deliveryChannels[i] = key.deliveryChannel();
            counts[0][i] = c.issued();
            counts[1][i] = c.opened();
            counts[2][i] = c.answered();
            counts[3][i] = c.expired();
            counts[4][i] = c.closed();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(ADD)) {
            upsert.setArray(1, connection.createArrayOf("text", starts));
            upsert.setArray(2, connection.createArrayOf("uuid", surveys));
            upsert.setArray(3, connection.createArrayOf("text", touchpoints));
            upsert.setArray(4, connection.createArrayOf("text", channels));
            upsert.setArray(5, connection.createArrayOf("text", deliveryChannels));
            for (int c = 0; c < counts.length; c++) {
                upsert.setArray(6 + c, connection.createArrayOf("int8", counts[c]));
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not update the funnel roll-ups", e);
        }
    }

    /**
     * Sums the roll-up rows whose issue hour starts between the two instants (both inclusive), per period and group.
     * Hours are grouped by their own start; longer periods by the local date of that start in the query's zone.
     */
    public List<FunnelRow> sum(FunnelQuery query, Instant firstBucket, Instant lastBucket) {
        List<Object> params = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Granularity granularity = query.granularity();
        if (granularity == Granularity.HOUR) {
            keys.add("bucket_start");
        } else if (granularity != null) {
            // Only known labels reach here; the zone is a bound parameter (PostgreSQL checks its name).
            keys.add("date_trunc('" + granularity.label() + "', bucket_start at time zone ?)");
            params.add(query.zone().getId());
        }
        for (Dimension dimension : query.groupBy()) {
            keys.add(column(dimension) + (dimension == Dimension.SURVEY ? "::text" : ""));
        }
        StringBuilder sql = new StringBuilder("select ");
        for (String key : keys) {
            sql.append(key).append(", ");
        }
        sql.append("""
                coalesce(sum(issued), 0), coalesce(sum(opened), 0), coalesce(sum(answered), 0),
                coalesce(sum(expired), 0), coalesce(sum(closed), 0)
                from funnel_rollup where bucket_start between ? and ?""");
        params.add(utc(firstBucket));
        params.add(utc(lastBucket));
        for (Dimension dimension : Dimension.values()) {
            String value = query.filters().get(dimension);
            if (value != null) {
                sql.append(" and ").append(column(dimension)).append(" = ?");
                params.add(dimension == Dimension.SURVEY ? UUID.fromString(value) : value);
            }
        }
        if (!keys.isEmpty()) {
            StringBuilder ordinals = new StringBuilder();
            for (int k = 1; k <= keys.size(); k++) {
                ordinals.append(k == 1 ? "" : ", ").append(k);
            }
            sql.append(" group by ").append(ordinals).append(" order by ").append(ordinals);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int p = 0; p < params.size(); p++) {
                select.setObject(p + 1, params.get(p));
            }
            List<FunnelRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row, query));
                }
            }
            return rows;
        } catch (SQLException e) {
            if (INVALID_PARAMETER.equals(e.getSQLState()) && query.granularity() != null) {
                // A zone name Java knows and this PostgreSQL does not (their time-zone databases differ).
                throw Invalid.field(
                        "tz",
                        "is not a time zone the database knows: " + query.zone().getId());
            }
            throw new PersistenceException("could not read the funnel roll-ups", e);
        }
    }

    /** Deletes at most {@code limit} fact rows recorded before the instant; the roll-ups keep their counts. */
    public int deleteBefore(Instant before, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_BEFORE)) {
            delete.setObject(1, utc(before));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not delete old funnel invitations", e);
        }
    }

    private static FunnelRow row(ResultSet row, FunnelQuery query) throws SQLException {
        int column = 1;
        OffsetDateTime period = null;
        if (query.granularity() == Granularity.HOUR) {
            period = row.getObject(column++, OffsetDateTime.class)
                    .atZoneSameInstant(query.zone())
                    .toOffsetDateTime();
        } else if (query.granularity() != null) {
            LocalDateTime local = row.getObject(column++, LocalDateTime.class);
            period = local.atZone(query.zone()).toOffsetDateTime();
        }
        Map<Dimension, String> group = new EnumMap<>(Dimension.class);
        for (Dimension dimension : query.groupBy()) {
            group.put(dimension, row.getString(column++));
        }
        FunnelCounts counts = new FunnelCounts(
                row.getLong(column),
                row.getLong(column + 1),
                row.getLong(column + 2),
                row.getLong(column + 3),
                row.getLong(column + 4));
        return new FunnelRow(period, group, counts);
    }

    private static String column(Dimension dimension) {
        return switch (dimension) {
            case SURVEY -> "survey_id";
            case TOUCHPOINT -> "touchpoint_key";
            case CHANNEL -> "channel";
            case DELIVERY_CHANNEL -> "delivery_channel";
        };
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
