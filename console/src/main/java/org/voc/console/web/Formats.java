package org.voc.console.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times: in UTC, the zone of the services' answers, and said so. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** {@code 2026-11-30 14:05 UTC}; empty for none. */
    static String shown(Instant t) {
        return t == null ? "" : SHOWN.format(t);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** A value for a query parameter. */
    static String urlEncoded(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A fraction as a percentage with one decimal: {@code 0.4213} is {@code 42.1 %}. */
    static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
