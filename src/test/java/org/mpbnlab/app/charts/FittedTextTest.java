package org.mpbnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Text on canvases: a name never runs into the next cell, a message wraps instead of running off the canvas. */
class FittedTextTest {

    /** A monospaced font of 7 px per character (a 12 px font's average). */
    private static final ToDoubleFunction<String> SEVEN_PX = s -> 7.0 * s.length();
    /** The classroom's 20 px font: 11 px per character. */
    private static final ToDoubleFunction<String> ELEVEN_PX = s -> 11.0 * s.length();

    @Test
    void aNameThatFitsIsKept() {
        assertEquals("ring", FittedText.fit("ring", 84, SEVEN_PX));
    }

    @Test
    void aLongNameIsCutWithAnEllipsisWithinItsCell() {
        String fitted = FittedText.fit("horizontal bar", 84, SEVEN_PX);
        assertTrue(SEVEN_PX.applyAsDouble(fitted) <= 84, fitted);
        assertEquals("horizontal…", FittedText.fit("horizontal bar", 84, SEVEN_PX));
    }

    @Test
    void theCutDependsOnTheFontInUse() {
        assertEquals("horizon…", FittedText.fit("horizontal bar", 90, ELEVEN_PX));
        assertTrue(ELEVEN_PX.applyAsDouble(FittedText.fit("horizontal bar", 90, ELEVEN_PX)) <= 90);
    }

    @Test
    void aTinyCellKeepsOneCharacter() {
        assertEquals("h", FittedText.fit("horizontal bar", 8, SEVEN_PX));
        assertEquals("h", FittedText.fit("horizontal bar", 0, SEVEN_PX));
    }

    @Test
    void aMessageWrapsAtSpacesWithinTheWidth() {
        List<String> lines = FittedText.wrap("Click a neuron on a raster to follow its membrane.", 140, SEVEN_PX);
        assertEquals(List.of("Click a neuron on a", "raster to follow its", "membrane."), lines);
        for (String line : lines) {
            assertTrue(SEVEN_PX.applyAsDouble(line) <= 140, line);
        }
    }

    @Test
    void aWordWiderThanTheLineStandsAlone() {
        assertEquals(List.of("a", "membrane", "b"), FittedText.wrap("a membrane b", 30, SEVEN_PX));
    }
}
