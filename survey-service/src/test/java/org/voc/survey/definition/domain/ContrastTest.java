package org.voc.survey.definition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The WCAG contrast arithmetic against the values every accessibility checker agrees on. */
class ContrastTest {

    @Test
    void greysAroundTheAaThresholdFallOnTheirKnownSides() {
        // #767676 is the lightest grey that passes AA on white; #777777 the darkest that fails.
        assertEquals(4.48, Contrast.ratio("#777777", Brand.WHITE), 0.005);
        assertEquals(4.54, Contrast.ratio("#767676", Brand.WHITE), 0.005);
        assertTrue(Contrast.ratio("#777777", Brand.WHITE) < Brand.MIN_CONTRAST);
        assertTrue(Contrast.ratio("#767676", Brand.WHITE) >= Brand.MIN_CONTRAST);
    }

    @Test
    void theScaleRunsFromOneToTwentyOneWhicheverColourComesFirst() {
        assertEquals(21.0, Contrast.ratio("#000000", "#FFFFFF"), 1e-9);
        assertEquals(21.0, Contrast.ratio("#ffffff", "#000000"), 1e-9);
        assertEquals(1.0, Contrast.ratio("#0b5cad", "#0B5CAD"), 1e-9);
        // Pure primaries on white: red 4.00, green 1.37, blue 8.59 (WebAIM's checker gives the same).
        assertEquals(4.00, Contrast.ratio("#ff0000", Brand.WHITE), 0.005);
        assertEquals(1.37, Contrast.ratio("#00ff00", Brand.WHITE), 0.005);
        assertEquals(8.59, Contrast.ratio("#0000ff", Brand.WHITE), 0.005);
    }

    @Test
    void onlyHexColoursAreRead() {
        assertThrows(IllegalArgumentException.class, () -> Contrast.luminance("blue"));
        assertThrows(IllegalArgumentException.class, () -> Contrast.luminance("#fff"));
        assertThrows(IllegalArgumentException.class, () -> Contrast.luminance(null));
    }
}
