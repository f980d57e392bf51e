package org.voc.metrics.scores.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.voc.kit.jdbc.Jdbc;
import org.voc.metrics.scores.domain.Dimension;
import org.voc.metrics.scores.domain.RollupKey;
import org.voc.metrics.scores.domain.Tally;

/**
 * The score roll-ups and the processed-event log, in plain JDBC: a batch is one set-based statement per table
 * (array parameters unnested by PostgreSQL), whatever its size; a query is one grouped sum. Connections join the
 * caller's JTA transaction.
 */
@ApplicationScoped
public class ScoreRollupRepository {

    private static final String MARK_PROCESSED = """
            insert into processed_event (event_id)
            select id from unnest(?::uuid[]) as id
            on conflict (event_id) do nothing
            returning event_id""";

    private static final String COUNTS =
            "n, total, total_sq, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, cli_nps, cli_repurchase, cli_cross_buy";
    private static final String[] COUNT_COLUMNS = COUNTS.split(", ");
    private static final String SUMS = String.join(
            ", ",
            java.util.Arrays.stream(COUNT_COLUMNS).map(c -> "sum(r." + c + ")").toList());
    private static final String INNER_SUMS = String.join(
            ", ",
            java.util.Arrays.stream(COUNT_COLUMNS)
                    .map(c -> "sum(r." + c + ") as " + c)
                    .toList());
    private static final String OUTER_SUMS = String.join(
            ", ",
            java.util.Arrays.stream(COUNT_COLUMNS).map(c -> "sum(x." + c + ")").toList());

    private static final String ALL_COLUMNS = "metric, question_id, channel, segment, survey_id";

    private final AgroalDataSource dataSource;

    public ScoreRollupRepository(AgroalDataSource dataSource) {
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

    /** Adds each tally to its row, creating missing rows, in the order of {@link RollupKey#ORDER}. */
    public void add(RollupTable target, Map<RollupKey, Tally> increments) {
        if (increments.isEmpty()) {
            return;
        }
        // one fixed order, so two replicas updating the same rows cannot deadlock
        List<Map.Entry<RollupKey, Tally>> sorted = new ArrayList<>(increments.entrySet());
        sorted.sort(Map.Entry.comparingByKey(RollupKey.ORDER));
        List<String> keyColumns = target.keys;
        int keys = keyColumns.size();
        int size = increments.size();
        String[][] text = new String[keys][size];
        Long[][] counts = new Long[COUNT_COLUMNS.length][size];
        int row = 0;
        for (Map.Entry<RollupKey, Tally> e : sorted) {
            RollupKey k = e.getKey();
            for (int c = 0; c < keys; c++) {
                text[c][row] = keyValue(k, keyColumns.get(c));
            }
            Tally t = e.getValue();
            counts[0][row] = t.n();
            counts[1][row] = t.total();
            counts[2][row] = t.totalSq();
            for (int b = 0; b < Tally.BINS; b++) {
                counts[3 + b][row] = t.bins()[b];
            }
            for (int p = 0; p < 3; p++) {
                counts[3 + Tally.BINS + p][row] = t.cliParts()[p];
            }
            row++;
        }
        StringBuilder unnest = new StringBuilder();
        for (String column : keyColumns) {
            unnest.append(column.equals(target.period) ? "?::" + target.periodType + "[], " : "?::text[], ");
        }
        unnest.append(String.join(", ", java.util.Collections.nCopies(COUNT_COLUMNS.length, "?::bigint[]")));
        StringBuilder update = new StringBuilder();
        for (String c : COUNT_COLUMNS) {
            update.append(update.isEmpty() ? "" : ", ")
                    .append(c)
                    .append(" = r.")
                    .append(c)
                    .append(" + excluded.")
                    .append(c);
        }
        String sql = "insert into " + target.table + " as r (" + String.join(", ", keyColumns) + ", " + COUNTS + ")"
                + " select * from unnest(" + unnest + ")"
                + " on conflict (" + String.join(", ", keyColumns) + ") do update set " + update;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            int index = 0;
            for (String[] column : text) {
                upsert.setArray(++index, connection.createArrayOf("text", column));
            }
            for (Long[] column : counts) {
                upsert.setArray(++index, connection.createArrayOf("int8", column));
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not update " + target.table, e);
        }
    }

    /** One grouped sum: a period (null without granularity), up to two group values and the summed counts. */
    public record Row(LocalDateTime period, String first, String second, Tally tally) {}

    /** Sums of the rows one query selects, grouped by its period and group columns. */
    public List<Row> sum(RollupSelect select) {
        // The rows are summed per stored period first and the period is mapped to the caller's zone afterwards:
        // one time-zone conversion per hour or day instead of one per row.
        StringBuilder sql = new StringBuilder("select ")
                .append(select.periodSql())
                .append(", x.g1, x.g2, ")
                .append(OUTER_SUMS)
                .append(" from (select ")
                .append(select.storedPeriodSql())
                .append(" as p, ")
                .append(select.groupSql(0))
                .append(" as g1, ")
                .append(select.groupSql(1))
                .append(" as g2, ")
                .append(INNER_SUMS)
                .append(" from ")
                .append(select.table().table)
                .append(" r");
        if (select.joinsRegistry()) {
            sql.append(" left join touchpoint_attribution t on t.key = r.touchpoint_key");
        }
        sql.append(" where ").append(select.whereSql());
        sql.append(" group by 1, 2, 3) x group by 1, 2, 3");
        sql.append(select.person() ? " order by sum(x.n) desc, 2, 3 limit " + select.limit() : " order by 1, 2, 3");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            List<Object> params = select.params();
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] values) {
                    statement.setArray(i + 1, connection.createArrayOf("text", values));
                } else if (p instanceof java.time.Instant instant) {
                    Jdbc.setInstant(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    Timestamp period = r.getTimestamp(1);
                    long[] bins = new long[Tally.BINS];
                    for (int b = 0; b < Tally.BINS; b++) {
                        bins[b] = r.getLong(7 + b);
                    }
                    long[] parts = {r.getLong(18), r.getLong(19), r.getLong(20)};
                    Tally tally = new Tally(r.getLong(4), r.getLong(5), r.getLong(6), bins, parts);
                    rows.add(new Row(
                            period == null ? null : period.toLocalDateTime(), r.getString(2), r.getString(3), tally));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("could not read " + select.table().table, e);
        }
    }

    /** The zone the daily roll-up was built in, or null when it never was. */
    public String dailyZone() {
        try (Connection connection = dataSource.getConnection()) {
            return dailyZone(connection);
        } catch (SQLException e) {
            throw new PersistenceException("could not read the reporting zone", e);
        }
    }

    private static String dailyZone(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select zone from reporting_zone");
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /**
     * Rebuilds the daily roll-up in another zone from the hourly one, under an exclusive lock that makes writers
     * wait: every hour goes to the local day holding its first 29 minutes (so a half-hour-offset zone's day
     * boundary falls on the nearest hour), and the tables summed over dimensions follow from the days. Returns
     * the daily rows written (0 when the roll-up was already in that zone once the lock was held).
     */
    public int rebuildDaily(ZoneId zone) {
        String zoneId = zone.getId();
        String columns = "metric, question_id, touchpoint_key, channel, segment, survey_id";
        String sums = SUMS.replace("r.", "");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(
                        "lock table score_rollup_hour, score_rollup_day, score_rollup_day_all,"
                                + " score_rollup_day_by_touchpoint, score_rollup_day_by_channel_segment, reporting_zone"
                                + " in exclusive mode");
                PreparedStatement clear = connection.prepareStatement("delete from score_rollup_day");
                PreparedStatement fill = connection.prepareStatement("insert into score_rollup_day (" + columns
                        + ", day, " + COUNTS + ") select " + columns
                        + ", ((bucket_start + interval '29 minutes') at time zone ?)::date, " + sums
                        + " from score_rollup_hour group by " + columns + ", 7");
                PreparedStatement clearAll = connection.prepareStatement("delete from score_rollup_day_all");
                PreparedStatement fillAll = connection.prepareStatement("insert into score_rollup_day_all ("
                        + ALL_COLUMNS + ", day, " + COUNTS + ") select " + ALL_COLUMNS + ", day, " + sums
                        + " from score_rollup_day group by " + ALL_COLUMNS + ", day");
                PreparedStatement clearTouchpoints =
                        connection.prepareStatement("delete from score_rollup_day_by_touchpoint");
                PreparedStatement fillTouchpoints = connection.prepareStatement(
                        "insert into score_rollup_day_by_touchpoint (metric, question_id, touchpoint_key, day, "
                                + COUNTS
                                + ") select metric, question_id, touchpoint_key, day, " + sums
                                + " from score_rollup_day group by metric, question_id, touchpoint_key, day");
                PreparedStatement clearChannels =
                        connection.prepareStatement("delete from score_rollup_day_by_channel_segment");
                PreparedStatement fillChannels = connection.prepareStatement(
                        "insert into score_rollup_day_by_channel_segment (metric, question_id, channel, segment, day, "
                                + COUNTS + ") select metric, question_id, channel, segment, day, " + sums
                                + " from score_rollup_day_all group by metric, question_id, channel, segment, day");
                PreparedStatement mark = connection.prepareStatement("update reporting_zone set zone = ?")) {
            lock.execute();
            // another replica may have rebuilt it while this one waited for the lock
            if (zoneId.equals(dailyZone(connection))) {
                return 0;
            }
            clear.executeUpdate();
            fill.setString(1, zoneId);
            int rows = fill.executeUpdate();
            clearAll.executeUpdate();
            fillAll.executeUpdate();
            clearTouchpoints.executeUpdate();
            fillTouchpoints.executeUpdate();
            clearChannels.executeUpdate();
            fillChannels.executeUpdate();
            mark.setString(1, zoneId);
            mark.executeUpdate();
            return rows;
        } catch (SQLException e) {
            throw new PersistenceException("could not rebuild the daily roll-up", e);
        }
    }

    private static String keyValue(RollupKey k, String column) {
        return switch (column) {
            case "metric" -> k.metric().name();
            case "question_id" -> k.questionId();
            case "bucket_start", "day" -> k.period();
            case "touchpoint_key" -> k.touchpointKey();
            case "channel" -> k.channel();
            case "segment" -> k.segment();
            case "survey_id" -> k.surveyId();
            case "kind" -> k.kind();
            case "ref" -> k.ref();
            default -> throw new IllegalArgumentException("not a key column: " + column);
        };
    }

    static String column(Dimension dimension) {
        return switch (dimension) {
            case TOUCHPOINT -> "r.touchpoint_key";
            case CHANNEL -> "r.channel";
            case SEGMENT -> "r.segment";
            case SURVEY -> "r.survey_id";
            case PRODUCT -> "t.product";
            case JOURNEY_STAGE -> "t.journey_stage";
            case OWNER_TEAM -> "t.owner_team";
            case EMPLOYEE, PROCESS -> "r.ref";
        };
    }
}
