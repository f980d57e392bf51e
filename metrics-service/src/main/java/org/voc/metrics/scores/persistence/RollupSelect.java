package org.voc.metrics.scores.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.metrics.scores.domain.Dimension;
import org.voc.metrics.scores.domain.Granularity;
import org.voc.metrics.scores.domain.ScoreQuery;

/**
 * The SQL of one score query against one roll-up table: which rows (metric, question, period range, filters) and
 * how they are grouped (period in the caller's zone, up to two dimensions). Values always travel as parameters.
 */
public final class RollupSelect {

    private final RollupTable table;
    private final ScoreQuery query;
    private final List<Object> params = new ArrayList<>();
    private final String where;

    private RollupSelect(RollupTable table, ScoreQuery query, Object first, Object last) {
        this.table = table;
        this.query = query;
        List<String> conditions = new ArrayList<>();
        // period parameters come first: the select list holds them
        if (query.granularity() != null && table == RollupTable.HOUR) {
            // an hour is named by its UTC start: local hours repeat when clocks go back
            if (query.granularity() != Granularity.HOUR) {
                params.add(query.granularity().unit());
                params.add(query.zone().getId());
            }
        } else if (query.granularity() != null) {
            params.add(query.granularity().unit());
        }
        conditions.add("r.metric = ?");
        params.add(query.metric().name());
        conditions.add("r.question_id = ?");
        params.add(query.question() == null ? "" : query.question());
        conditions.add("r." + table.period + " between ? and ?");
        params.add(first);
        params.add(last);
        for (Map.Entry<Dimension, List<String>> filter : query.filters().entrySet()) {
            if (filter.getKey().person()) {
                continue;
            }
            if (filter.getKey().fromRegistry()) {
                // resolved to touchpoint keys first, so the touchpoint index finds the rows
                conditions.add("r.touchpoint_key in (select t.key from touchpoint_attribution t where "
                        + ScoreRollupRepository.column(filter.getKey()) + " = any(?))");
            } else {
                conditions.add(ScoreRollupRepository.column(filter.getKey()) + " = any(?)");
            }
            params.add(filter.getValue().toArray(String[]::new));
        }
        Dimension person = personDimension(query);
        if (person != null) {
            conditions.add("r.kind = ?");
            params.add(person.param());
            List<String> refs = query.filters().get(person);
            if (refs != null) {
                conditions.add("r.ref = any(?)");
                params.add(refs.toArray(String[]::new));
            }
        }
        this.where = String.join(" and ", conditions);
    }

    /** Hour buckets whose start lies in [first, last]. */
    public static RollupSelect hours(ScoreQuery query, Instant first, Instant last) {
        return new RollupSelect(RollupTable.HOUR, query, first, last);
    }

    /**
     * Local days (reporting zone) from first to last, inclusive, from the smallest daily roll-up that holds the
     * query's dimensions: the people roll-up for employees and processes; the one by touchpoint alone when only the
     * touchpoint (or its product, stage or team) is used; the one by channel and segment alone when only those are;
     * the all-touchpoints one when nothing needs the touchpoint; the daily one otherwise.
     */
    public static RollupSelect days(ScoreQuery query, LocalDate first, LocalDate last) {
        Set<Dimension> used = EnumSet.noneOf(Dimension.class);
        used.addAll(query.groupBy());
        used.addAll(query.filters().keySet());
        RollupTable table;
        if (personDimension(query) != null) {
            table = RollupTable.PEOPLE;
        } else if (used.stream().anyMatch(RollupSelect::needsTouchpoint)) {
            table = used.stream().allMatch(RollupSelect::needsTouchpoint)
                    ? RollupTable.DAY_TOUCHPOINT
                    : RollupTable.DAY;
        } else if (CHANNEL_AND_SEGMENT.containsAll(used)) {
            table = RollupTable.DAY_CHANNEL_SEGMENT;
        } else {
            table = RollupTable.DAY_ALL_TOUCHPOINTS;
        }
        return new RollupSelect(table, query, first, last);
    }

    private static final Set<Dimension> CHANNEL_AND_SEGMENT = EnumSet.of(Dimension.CHANNEL, Dimension.SEGMENT);

    private static boolean needsTouchpoint(Dimension d) {
        return d == Dimension.TOUCHPOINT || d.fromRegistry();
    }

    /** The employee or process dimension the query groups or filters by, if any (validated to be at most one). */
    public static Dimension personDimension(ScoreQuery query) {
        for (Dimension d : query.groupBy()) {
            if (d.person()) {
                return d;
            }
        }
        for (Dimension d : query.filters().keySet()) {
            if (d.person()) {
                return d;
            }
        }
        return null;
    }

    RollupTable table() {
        return table;
    }

    /** The period in the caller's terms, from the inner query's stored period {@code x.p}. */
    String periodSql() {
        if (query.granularity() == null) {
            return "null::timestamp";
        }
        if (table == RollupTable.HOUR) {
            return switch (query.granularity()) {
                case HOUR -> "x.p at time zone 'UTC'";
                // the local period holding the hour's first 29 minutes: nearest-hour day boundaries
                default -> "date_trunc(?, (x.p + interval '29 minutes') at time zone ?)";
            };
        }
        return "date_trunc(?, x.p::timestamp)";
    }

    /** The stored period of a row, or nothing for a total. */
    String storedPeriodSql() {
        return query.granularity() == null ? "null::date" : "r." + table.period;
    }

    String groupSql(int index) {
        if (query.groupBy().size() <= index) {
            return "null::text";
        }
        Dimension d = query.groupBy().get(index);
        String column = ScoreRollupRepository.column(d);
        return d.fromRegistry() || d.person() || d == Dimension.TOUCHPOINT ? column : "nullif(" + column + ", '')";
    }

    boolean joinsRegistry() {
        return query.groupBy().stream().anyMatch(Dimension::fromRegistry);
    }

    boolean person() {
        return table == RollupTable.PEOPLE && query.groupBy().stream().anyMatch(Dimension::person);
    }

    int limit() {
        return query.limit();
    }

    String whereSql() {
        return where;
    }

    List<Object> params() {
        return params;
    }
}
