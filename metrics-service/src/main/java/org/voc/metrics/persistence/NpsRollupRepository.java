package org.voc.metrics.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.voc.metrics.domain.NpsCounts;

/**
 * The NPS roll-up table and the processed-event log, in plain JDBC: each batch is two set-based statements
 * (array parameters unnested by PostgreSQL), whatever its size. Connections join the caller's JTA transaction.
 */
@ApplicationScoped
public class NpsRollupRepository {

    private static final String MARK_PROCESSED = """
            insert into processed_event (event_id)
            select id from unnest(?::uuid[]) as id
            on conflict (event_id) do nothing
            returning event_id""";

    private static final String ADD = """
            insert into nps_rollup (touchpoint_key, channel, bucket_start, responses, promoters, passives, detractors)
            select * from unnest(
                ?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
            on conflict (touchpoint_key, channel, bucket_start) do update set
                responses  = nps_rollup.responses  + excluded.responses,
                promoters  = nps_rollup.promoters  + excluded.promoters,
                passives   = nps_rollup.passives   + excluded.passives,
                detractors = nps_rollup.detractors + excluded.detractors""";

    private final AgroalDataSource dataSource;

    public NpsRollupRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the ids as processed and returns those that were not recorded before. */
    public Set<UUID> markProcessed(Collection<UUID> ids) {
        // Sorted, so concurrent batches lock index entries in the same order.
        UUID[] sorted = ids.stream().sorted().toArray(UUID[]::new);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(MARK_PROCESSED)) {
            insert.setArray(1, connection.createArrayOf("uuid", sorted));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new PersistenceException("could not record processed events", e);
        }
    }

    /** Adds the counts of each bucket to its row, creating the rows that do not exist yet; keys must be unique. */
    public void add(List<NpsBucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        int size = buckets.size();
        String[] touchpoints = new String[size];
        String[] channels = new String[size];
        String[] starts = new String[size];
        Long[] responses = new Long[size];
        Long[] promoters = new Long[size];
        Long[] passives = new Long[size];
        Long[] detractors = new Long[size];
        for (int i = 0; i < size; i++) {
            NpsBucket bucket = buckets.get(i);
            touchpoints[i] = bucket.key().touchpointKey();
            channels[i] = bucket.key().channel();
            starts[i] = bucket.key().bucketStart().toString();
            responses[i] = bucket.counts().responses();
            promoters[i] = bucket.counts().promoters();
            passives[i] = bucket.counts().passives();
            detractors[i] = bucket.counts().detractors();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(ADD)) {
            List<Array> arrays = List.of(
                    connection.createArrayOf("text", touchpoints),
                    connection.createArrayOf("text", channels),
                    connection.createArrayOf("text", starts),
                    connection.createArrayOf("int8", responses),
                    connection.createArrayOf("int8", promoters),
                    connection.createArrayOf("int8", passives),
                    connection.createArrayOf("int8", detractors));
            for (int i = 0; i < arrays.size(); i++) {
                upsert.setArray(i + 1, arrays.get(i));
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not update the NPS roll-ups", e);
        }
    }

    /**
     * Sums the rows whose bucket starts between the two instants (both inclusive); a null touchpoint or channel
     * does not filter.
     */
    public NpsCounts sum(String touchpointKey, String channel, Instant firstBucket, Instant lastBucket) {
        StringBuilder sql = new StringBuilder("""
                select coalesce(sum(responses), 0), coalesce(sum(promoters), 0),
                       coalesce(sum(passives), 0), coalesce(sum(detractors), 0)
                from nps_rollup where bucket_start between ? and ?""");
        List<Object> params = new ArrayList<>(List.of(utc(firstBucket), utc(lastBucket)));
        if (touchpointKey != null) {
            sql.append(" and touchpoint_key = ?");
            params.add(touchpointKey);
        }
        if (channel != null) {
            sql.append(" and channel = ?");
            params.add(channel);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new NpsCounts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the NPS roll-ups", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
