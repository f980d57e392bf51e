package org.voc.metrics.scores.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voc.kit.input.StorableValues;
import org.voc.kit.input.TimeParams;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.scores.domain.Dimension;
import org.voc.metrics.scores.domain.Granularity;
import org.voc.metrics.scores.domain.Metric;

/** Turns the query parameters of the metrics API into domain values; every refusal names its parameter. */
final class QueryParams {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    /** A closed time range; {@code wholeDays} when both ends were given as dates. */
    record Range(Instant from, Instant to, boolean wholeDays) {}

    private QueryParams() {}

    static Metric metric(String slug) {
        Metric metric = Metric.bySlug(slug);
        if (metric == null) {
            throw Invalid.field("metric", "must be one of nps, csat, ces, cli, cli-repurchase, cli-cross-buy, rating");
        }
        return metric;
    }

    static Range range(String from, String to, ZoneId zone, String fromField, String toField) {
        Instant end = TimeParams.instant(to, toField, zone, true);
        if (end == null) {
            end = Instant.now();
        }
        Instant start = TimeParams.instant(from, fromField, zone, false);
        if (start == null) {
            start = end.minus(DEFAULT_RANGE).isBefore(StorableValues.EARLIEST)
                    ? StorableValues.EARLIEST
                    : end.minus(DEFAULT_RANGE);
        }
        return new Range(start, end, TimeParams.isDate(from) && TimeParams.isDate(to));
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Granularity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("granularity", "must be hour, day, week or month");
        }
    }

    /** Dimensions, repeated or comma-separated: {@code groupBy=segment&groupBy=channel} or {@code segment,channel}. */
    static List<Dimension> groupBy(List<String> values) {
        List<Dimension> dimensions = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                Dimension d = Dimension.byParam(name.trim());
                if (d == null) {
                    throw Invalid.field(
                            "groupBy",
                            "takes touchpoint, channel, segment, survey, product, journeyStage,"
                                    + " ownerTeam, employee or process");
                }
                dimensions.add(d);
            }
        }
        return dimensions;
    }

    /** The filters of the query, one list per dimension given (blank values ignored). */
    static Map<Dimension, List<String>> filters(Map<Dimension, List<String>> given) {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        given.forEach((dimension, values) -> {
            List<String> kept = values == null
                    ? List.of()
                    : values.stream().filter(v -> !v.isBlank()).toList();
            if (!kept.isEmpty()) {
                filters.put(dimension, kept);
            }
        });
        return filters;
    }

    /** Baseline filters given as {@code dimension:value}, e.g. {@code channel:WEB}. */
    static Map<Dimension, List<String>> baselineFilters(List<String> values) {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        for (String value : values == null ? List.<String>of() : values) {
            int colon = value.indexOf(':');
            Dimension d = colon < 0 ? null : Dimension.byParam(value.substring(0, colon));
            if (d == null || colon == value.length() - 1) {
                throw Invalid.field("baseline", "must be dimension:value, e.g. channel:WEB");
            }
            filters.computeIfAbsent(d, k -> new ArrayList<>()).add(value.substring(colon + 1));
        }
        return filters;
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
