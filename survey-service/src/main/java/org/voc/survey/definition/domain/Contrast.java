package org.voc.survey.definition.domain;

import java.util.Locale;

/**
 * WCAG 2.x contrast ratio of two sRGB colours, {@code (L1 + 0.05) / (L2 + 0.05)} with L the relative luminance
 * (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). A pure function, so publish can name the colour at fault.
 */
public final class Contrast {

    private Contrast() {}

    /** Contrast of two {@code #rrggbb} colours, from 1 (same luminance) to 21 (black on white). */
    public static double ratio(String colour, String other) {
        double a = luminance(colour);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Relative luminance of a {@code #rrggbb} colour: 0 for black, 1 for white. */
    public static double luminance(String colour) {
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + colour);
        }
        int rgb = Integer.parseInt(colour.substring(1).toLowerCase(Locale.ROOT), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    /** One 8-bit sRGB channel, linearised (WCAG 2.2's threshold 0.04045, the sRGB standard's). */
    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
