package org.voc.response.verbatims.api;

import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.voc.kit.input.StorableValues;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Violation;
import org.voc.response.verbatims.domain.VerbatimFilter;

/**
 * The filters that search and export share, as query parameters; {@link #filter()} parses them all and answers every
 * bad one in a single 400 naming each parameter. Blank means "no condition".
 */
public class VerbatimQuery {

    /** Shortest text a contains-search takes: the trigram index needs three characters to narrow anything down. */
    static final int MIN_TEXT = 3;

    static final int MAX_TEXT = 200;
    static final int MAX_KEY = 80;

    @Parameter(description = "Survey id", example = "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50")
    @QueryParam("surveyId")
    public String surveyId;

    @Parameter(description = "Survey version (1 or more); all versions when absent", example = "1")
    @QueryParam("surveyVersion")
    public String surveyVersion;

    @Parameter(description = "Touchpoint key", example = "card-delivery")
    @QueryParam("touchpoint")
    public String touchpoint;

    @Parameter(
            description = "Earliest respondedAt: ISO date (start of that UTC day) or ISO instant",
            example = "2026-11-01")
    @QueryParam("from")
    public String from;

    @Parameter(
            description = "Latest respondedAt, inclusive: ISO date (end of that UTC day) or ISO instant",
            example = "2026-11-30")
    @QueryParam("to")
    public String to;

    @Parameter(
            description = "Question whose score minScore/maxScore bound; without it they apply to any scored answer"
                    + " (NPS, CSAT, CES …). Alone: responses that gave this question a score",
            example = "nps")
    @QueryParam("questionId")
    public String questionId;

    @Parameter(description = "Lowest score, inclusive", example = "0")
    @QueryParam("minScore")
    public String minScore;

    @Parameter(description = "Highest score, inclusive", example = "6")
    @QueryParam("maxScore")
    public String maxScore;

    @Parameter(
            description = "true: only responses with a non-blank free-text answer; false: only those without",
            example = "true")
    @QueryParam("hasComment")
    public String hasComment;

    @Parameter(
            description = "Text the comments contain, case-insensitive, 3 to 200 characters. Without voc-pii it is"
                    + " matched against the masked comments the caller sees",
            example = "late")
    @QueryParam("text")
    public String text;

    /** The filter, or a 400 naming every parameter at fault. */
    VerbatimFilter filter() {
        List<Violation> violations = new ArrayList<>();
        UUID survey = uuid(surveyId, "surveyId", violations);
        Integer version = number(surveyVersion, "surveyVersion", 1, violations);
        Integer min = number(minScore, "minScore", null, violations);
        Integer max = number(maxScore, "maxScore", null, violations);
        Instant start = instant(from, "from", false, violations);
        Instant end = instant(to, "to", true, violations);
        if (start != null && end != null && start.isAfter(end)) {
            violations.add(new Violation("from", "must not be after to (" + end + ")"));
        }
        if (min != null && max != null && min > max) {
            violations.add(new Violation("minScore", "must not be above maxScore (" + max + ")"));
        }
        String touchpointKey = bounded(touchpoint, "touchpoint", 1, MAX_KEY, violations);
        String question = bounded(questionId, "questionId", 1, MAX_KEY, violations);
        String contained = bounded(text, "text", MIN_TEXT, MAX_TEXT, violations);
        Boolean comment = bool(hasComment, "hasComment", violations);
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        return new VerbatimFilter(survey, version, touchpointKey, start, end, question, min, max, comment, contained);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static UUID uuid(String value, String field, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be a UUID"));
            return null;
        }
    }

    private static Integer number(String value, String field, Integer lowest, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (lowest == null || n >= lowest) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        violations.add(new Violation(
                field, lowest == null ? "must be a whole number" : "must be a whole number of at least " + lowest));
        return null;
    }

    private static Boolean bool(String value, String field, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                violations.add(new Violation(field, "must be true or false"));
                yield null;
            }
        };
    }

    private static String bounded(String value, String field, int shortest, int longest, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() < shortest || trimmed.length() > longest) {
            violations.add(new Violation(field, "must be " + shortest + " to " + longest + " characters"));
            return null;
        }
        return trimmed;
    }

    /** An ISO date (the start, or with {@code endOfDay} its last microsecond, of that UTC day) or an ISO instant. */
    private static Instant instant(String value, String field, boolean endOfDay, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        Instant instant;
        try {
            if (text.indexOf('T') < 0) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                instant = endOfDay
                        ? date.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minus(1, ChronoUnit.MICROS)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
        } catch (DateTimeException e) { // unparseable, or a day past the last one (+999999999-12-31)
            violations.add(new Violation(
                    field, "must be an ISO date such as 2026-11-01 or an ISO instant such as 2026-11-01T09:00:00Z"));
            return null;
        }
        if (!StorableValues.storable(instant)) {
            violations.add(new Violation(field, "must lie in the years 0001 to 9999"));
            return null;
        }
        return instant;
    }
}
