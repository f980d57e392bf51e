package org.voc.metrics.scores.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voc.kit.input.StorableValues;
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

    /** An IANA zone (UTC by default). Offsets are refused: PostgreSQL reads "+03:00" the POSIX way, inverted. */
    static ZoneId zone(String tz, String field) {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            ZoneId zone = ZoneId.of(tz.trim());
            if (zone.equals(ZoneOffset.UTC)) {
                return ZoneId.of("UTC");
            }
            if (zone instanceof ZoneOffset
                    || !zone.getId().contains("/") && !zone.getId().equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return zone;
        } catch (DateTimeException e) {
            throw Invalid.field(field, "must be an IANA time zone such as Europe/Moscow or UTC");
        }
    }

    static Range range(String from, String to, ZoneId zone, String fromField, String toField) {
        Instant end = instant(to, toField, zone, true);
        if (end == null) {
            end = Instant.now();
        }
        Instant start = instant(from, fromField, zone, false);
        if (start == null) {
            start = end.minus(DEFAULT_RANGE).isBefore(StorableValues.EARLIEST)
                    ? StorableValues.EARLIEST
                    : end.minus(DEFAULT_RANGE);
        }
        return new Range(start, end, isDate(from) && isDate(to));
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

    private static boolean isDate(String value) {
        return value != null && !value.isBlank() && value.trim().indexOf('T') < 0;
    }

    /** An ISO date (the start, or with {@code endOfDay} the last instant, of that day in the zone) or instant. */
    static Instant instant(String value, String field, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Instant instant;
        try {
            if (text.indexOf('T') < 0) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                instant = endOfDay
                        ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : date.atStartOfDay(zone).toInstant();
            } else {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
        } catch (DateTimeException e) { // unparseable, or a day past the last one (+999999999-12-31)
            throw Invalid.field(
                    field, "must be an ISO date such as 2026-11-01 or an ISO instant such as 2026-11-01T09:00:00Z");
        }
        if (!StorableValues.storable(instant)) {
            throw Invalid.field(field, "must lie in the years 0001 to 9999");
        }
        return instant;
    }
}
