package org.voc.kit.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.voc.kit.problem.Invalid;

/**
 * The time parameters of reporting queries ({@code from}, {@code to}, {@code tz}), read the same way by every
 * service: a date is a whole day in the caller's zone, an instant is exact, a zone is an IANA region name.
 */
public final class TimeParams {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private TimeParams() {}

    /**
     * An IANA zone (UTC when blank; {@code Z} and {@code UTC+0} are UTC). Fixed offsets are refused: an offset has
     * no daylight saving time, and PostgreSQL reads "+03:00" the POSIX way, inverted.
     */
    public static ZoneId zone(String tz, String field) {
        if (tz == null || tz.isBlank()) {
            return UTC;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(tz.trim());
        } catch (DateTimeException e) {
            throw Invalid.field(field, "must be an IANA time zone such as Europe/Moscow or UTC");
        }
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return UTC;
        }
        if (zone instanceof ZoneOffset || !zone.getId().contains("/")) {
            throw Invalid.field(field, "must be an IANA time zone such as Europe/Moscow, not an offset");
        }
        return zone;
    }

    /** Whether the value is a date (a whole day) rather than an instant. */
    public static boolean isDate(String value) {
        return value != null && !value.isBlank() && value.trim().indexOf('T') < 0;
    }

    /**
     * An ISO date (the start, or with {@code endOfDay} the last instant, of that day in {@code zone}) or an ISO
     * instant; null when blank; 400 naming {@code field} when it is neither or lies outside the years 0001–9999.
     */
    public static Instant instant(String value, String field, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Instant instant;
        try {
            if (isDate(text)) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                instant = endOfDay
                        ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : date.atStartOfDay(zone).toInstant();
            } else {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
        } catch (DateTimeException | ArithmeticException e) { // unparseable, or a day past the last one
            throw Invalid.field(
                    field, "must be an ISO date such as 2026-11-01 or an ISO instant such as 2026-11-01T09:00:00Z");
        }
        if (!StorableValues.storable(instant)) {
            throw Invalid.field(field, "must lie in the years 0001 to 9999");
        }
        return instant;
    }
}
