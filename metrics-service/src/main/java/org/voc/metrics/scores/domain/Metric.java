package org.voc.metrics.scores.domain;

import java.util.Locale;

/**
 * A score type with a roll-up of its own. The fixed scales are the survey definitions' (NPS and the CLI parts 0–10,
 * CSAT 1–5, CES 1–7); CLI is derived per response from its NPS and both CLI answers; RATING scales come with each
 * question, so RATING is always asked for one question.
 */
public enum Metric {
    NPS(0, 10),
    CSAT(1, 5),
    CES(1, 7),
    CLI(0, 10),
    CLI_REPURCHASE(0, 10),
    CLI_CROSS_BUY(0, 10),
    RATING(Integer.MIN_VALUE, Integer.MAX_VALUE);

    private final int min;
    private final int max;

    Metric(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** Whether the roll-up counts each score in the bins d0..d10. */
    public boolean binned() {
        return this != RATING && this != CLI;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The name in paths and answers: {@code nps}, {@code cli-repurchase}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The metric named by a path segment ({@code csat}, {@code cli-repurchase}, any case), or null. */
    public static Metric bySlug(String slug) {
        for (Metric m : values()) {
            if (m.slug().equalsIgnoreCase(slug) || m.name().equalsIgnoreCase(slug)) {
                return m;
            }
        }
        return null;
    }

    /** The metric an answer of this survey question type feeds directly (CLI is derived), or null. */
    public static Metric ofAnswerType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "NPS" -> NPS;
            case "CSAT" -> CSAT;
            case "CES" -> CES;
            case "CLI_REPURCHASE" -> CLI_REPURCHASE;
            case "CLI_CROSS_BUY" -> CLI_CROSS_BUY;
            case "RATING" -> RATING;
            default -> null;
        };
    }
}
