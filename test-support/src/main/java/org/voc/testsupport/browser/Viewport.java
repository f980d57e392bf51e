package org.voc.testsupport.browser;

/**
 * The size of the page's layout viewport in CSS pixels; {@code mobile} makes Chromium honour the page's
 * {@code <meta name="viewport">} as a phone does.
 */
public record Viewport(int width, int height, boolean mobile) {

    /** A small phone held upright: the width WCAG's reflow criterion (1.4.10) and most phone layouts start from. */
    public static final Viewport PHONE = new Viewport(360, 800, true);

    /** A laptop screen. */
    public static final Viewport DESKTOP = new Viewport(1280, 900, false);
}
