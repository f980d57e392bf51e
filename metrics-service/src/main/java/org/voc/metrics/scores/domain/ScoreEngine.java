package org.voc.metrics.scores.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.scores.persistence.RollupSelect;
import org.voc.metrics.scores.persistence.ScoreRollupRepository;
import org.voc.metrics.stats.Moments;
import org.voc.metrics.stats.Tests;

/**
 * The metrics query engine: "the stats of metric M under filters F over [from, to]", as a total, a series or a
 * breakdown, and "compare two". It picks the roll-up that answers with the fewest rows: the daily one when the
 * query is in whole local days of the reporting zone, the hourly one otherwise (hour resolution).
 */
@ApplicationScoped
public class ScoreEngine {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private final ScoreRollupRepository rollups;
    private final MetricsConfig config;

    public ScoreEngine(ScoreRollupRepository rollups, MetricsConfig config) {
        this.rollups = rollups;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoreSeries stats(ScoreQuery query) {
        validate(query);
        boolean daily = usesDailyRollup(query);
        RollupSelect select;
        if (daily) {
            select = RollupSelect.days(
                    query, localDate(query.from(), query.zone()), localDate(query.to(), query.zone()));
        } else {
            select = RollupSelect.hours(query, firstHour(query), lastHour(query));
        }
        List<ScoreSeries.Point> points = new ArrayList<>();
        for (ScoreRollupRepository.Row row : rollups.sum(select)) {
            Map<Dimension, String> groups = new EnumMap<>(Dimension.class);
            if (!query.groupBy().isEmpty()) {
                groups.put(query.groupBy().get(0), row.first());
            }
            if (query.groupBy().size() > 1) {
                groups.put(query.groupBy().get(1), row.second());
            }
            Figures figures = Figures.of(query.metric(), row.tally(), config.minSample());
            points.add(new ScoreSeries.Point(period(row.period(), query), groups, row.tally(), figures));
        }
        if (points.isEmpty() && query.granularity() == null && query.groupBy().isEmpty()) {
            Tally none = Tally.empty();
            points.add(
                    new ScoreSeries.Point(null, Map.of(), none, Figures.of(query.metric(), none, config.minSample())));
        }
        return new ScoreSeries(query, daily ? "day" : "hour", points);
    }

    /** Compares the totals of two queries of the same metric (their granularity and grouping are not used). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScoreComparison compare(ScoreQuery current, ScoreQuery baseline, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw Invalid.field("alpha", "must lie between 0 and 1, exclusive");
        }
        Tally a = total(current);
        Tally b = total(baseline);
        Figures first = Figures.of(current.metric(), a, config.minSample());
        Figures second = Figures.of(current.metric(), b, config.minSample());
        List<ScoreComparison.Test> tests = new ArrayList<>();
        switch (current.metric()) {
            case NPS -> {
                var c = Tests.nps(a.n(), a.count(9, 10), a.count(0, 6), b.n(), b.count(9, 10), b.count(0, 6), alpha);
                tests.add(new ScoreComparison.Test("nps", scaled(c, 100)));
            }
            case CSAT -> {
                var c = Tests.proportions(a.count(4, 5), a.n(), b.count(4, 5), b.n(), alpha);
                tests.add(new ScoreComparison.Test("satisfied", scaled(c, 100)));
            }
            case CES -> {
                tests.add(new ScoreComparison.Test("mean", Tests.means(a.moments(1), b.moments(1), alpha)));
                var c = Tests.proportions(a.count(5, 7), a.n(), b.count(5, 7), b.n(), alpha);
                tests.add(new ScoreComparison.Test("highEffort", scaled(c, 100)));
            }
            default -> {
                Moments m1 = Figures.moments(current.metric(), a);
                Moments m2 = Figures.moments(current.metric(), b);
                tests.add(new ScoreComparison.Test("mean", Tests.means(m1, m2, alpha)));
            }
        }
        return new ScoreComparison(first, second, alpha, tests);
    }

    private Tally total(ScoreQuery query) {
        ScoreQuery totalOnly = new ScoreQuery(
                query.metric(),
                query.question(),
                query.from(),
                query.to(),
                query.zone(),
                query.wholeDays(),
                null,
                List.of(),
                query.filters(),
                query.limit());
        return stats(totalOnly).points().stream()
                .map(ScoreSeries.Point::tally)
                .findFirst()
                .orElseThrow();
    }

    private static org.voc.metrics.stats.Comparison scaled(org.voc.metrics.stats.Comparison c, double factor) {
        return new org.voc.metrics.stats.Comparison(
                c.method(), c.difference() * factor, c.statistic(), c.pValue(), c.significant());
    }

    private void validate(ScoreQuery query) {
        if (query.from().isAfter(query.to())) {
            throw Invalid.field("from", "must not be after to (" + query.to() + ")");
        }
        if (query.metric() == Metric.RATING && query.question() == null) {
            throw Invalid.field("question", "is required for RATING: each rating question has a scale of its own");
        }
        if (query.metric() != Metric.RATING && query.question() != null) {
            throw Invalid.field("question", "applies to RATING only");
        }
        if (query.groupBy().size() > 2) {
            throw Invalid.field("groupBy", "takes at most two dimensions");
        }
        if (new HashSet<>(query.groupBy()).size() < query.groupBy().size()) {
            throw Invalid.field("groupBy", "names a dimension twice");
        }
        Set<Dimension> people = new HashSet<>();
        query.groupBy().stream().filter(Dimension::person).forEach(people::add);
        query.filters().keySet().stream().filter(Dimension::person).forEach(people::add);
        if (people.size() > 1) {
            throw Invalid.field("groupBy", "employee and process cannot be combined");
        }
        if (!people.isEmpty()) {
            if (query.granularity() != null) {
                throw Invalid.field("granularity", "employee and process top lists are totals: leave granularity out");
            }
            // Their only roll-up is by day in the reporting zone (an hourly one per person would multiply the
            // consumer's writes); any other range would count days that only partly overlap it, so it is refused.
            if (!query.wholeDays()) {
                throw Invalid.field(
                        "from",
                        "employee and process scores are kept by whole day: give from and to as dates (days in the"
                                + " reporting zone " + config.reportingZone().getId() + ")");
            }
            if (!dailyZone(query)) {
                throw Invalid.field(
                        "tz",
                        "employee and process scores are kept by day in the reporting zone "
                                + config.reportingZone().getId() + ": set tz to that zone");
            }
        }
        if (query.limit() < 1 || query.limit() > 1000) {
            throw Invalid.field("limit", "must be between 1 and 1000");
        }
    }

    private boolean usesDailyRollup(ScoreQuery query) {
        return query.granularity() != Granularity.HOUR && dailyZone(query);
    }

    private boolean dailyZone(ScoreQuery query) {
        return query.wholeDays()
                && query.zone().normalized().equals(config.reportingZone().normalized());
    }

    /** Day boundaries that fall within an hour (half-hour-offset zones) move to the nearest hour, later on a tie. */
    private static Instant firstHour(ScoreQuery query) {
        return query.wholeDays()
                ? query.from().plus(HALF_HOUR).truncatedTo(ChronoUnit.HOURS)
                : query.from().truncatedTo(ChronoUnit.HOURS);
    }

    private static Instant lastHour(ScoreQuery query) {
        return query.wholeDays()
                ? query.to()
                        .plusNanos(1)
                        .plus(HALF_HOUR)
                        .truncatedTo(ChronoUnit.HOURS)
                        .minus(1, ChronoUnit.HOURS)
                : query.to().truncatedTo(ChronoUnit.HOURS);
    }

    private static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    private static OffsetDateTime period(LocalDateTime period, ScoreQuery query) {
        if (period == null) {
            return null;
        }
        if (query.granularity() == Granularity.HOUR) {
            return period.atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(query.zone())
                    .toOffsetDateTime();
        }
        return period.atZone(query.zone()).toOffsetDateTime();
    }
}
