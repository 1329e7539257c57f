package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The drawing pad's ink: a quick stroke (two far-apart mouse positions) is a solid line, not two dots. */
class InkPadTest {

    @Test
    void aStrokeInksEveryCellBetweenItsEnds() {
        InkPad pad = new InkPad(28);
        pad.dab(3.5, 14.5);
        pad.stroke(3.5, 14.5, 24.5, 14.5);
        for (int x = 3; x <= 24; x++) {
            assertEquals(1f, pad.intensities()[14 * 28 + x], "cell " + x + " of the stroke's row");
        }
        assertEquals(0f, pad.intensities()[14 * 28 + 27], "beyond the stroke's end stays dark");
        assertEquals(0f, pad.intensities()[5 * 28 + 10], "far from the stroke stays dark");
    }

    @Test
    void aDiagonalStrokeHasNoGaps() {
        InkPad pad = new InkPad(28);
        pad.stroke(2.5, 2.5, 25.5, 25.5);
        for (int i = 2; i <= 25; i++) {
            assertTrue(pad.intensities()[i * 28 + i] >= 0.9f, "diagonal cell " + i);
        }
    }

    @Test
    void theBrushIsClippedAtTheEdgesAndClearEmptiesThePad() {
        InkPad pad = new InkPad(28);
        pad.stroke(-5, -5, 0.5, 0.5);
        assertEquals(1f, pad.intensities()[0]);
        pad.clear();
        for (float v : pad.intensities()) {
            assertEquals(0f, v);
        }
    }
}
