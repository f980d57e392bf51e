package org.voc.survey.definition.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How the respondent page presents a survey, every part optional: the brand's {@code name} (also the logo's
 * alternative text), an https {@code logoUrl} and an {@code accentColor} {@code #rrggbb} for buttons and selected
 * answers, drawn with white text on it.
 */
@RegisterForReflection
public record Brand(String name, String logoUrl, String accentColor) {

    /** The page's background and the text drawn on the accent are both white. */
    public static final String WHITE = "#ffffff";

    /** WCAG 2.2 AA for normal text (1.4.3); the accent carries button labels and selected scale numbers. */
    public static final double MIN_CONTRAST = 4.5;

    /** Whether nothing is set, so the page's own look applies (not named isEmpty: JSON would gain a property). */
    public boolean unset() {
        return blank(name) && blank(logoUrl) && blank(accentColor);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
