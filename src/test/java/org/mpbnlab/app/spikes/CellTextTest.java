package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The answer strip under the logits: a class name never runs into the next step's cell. */
class CellTextTest {

    @Test
    void aNameThatFitsIsKept() {
        assertEquals("ring", CellText.fit("ring", 84));
    }

    @Test
    void aLongNameIsCutWithAnEllipsisWithinItsCell() {
        // four steps in the 1280×720 window give cells of about 84 px; "horizontal bar" needs ~98 px
        String fitted = CellText.fit("horizontal bar", 84);
        assertTrue(fitted.endsWith("…"), fitted);
        assertTrue(fitted.length() * CellText.CHAR_WIDTH <= 84 - CellText.PADDING, fitted);
        assertTrue("horizontal bar".startsWith(fitted.substring(0, fitted.length() - 1)), fitted);
    }

    @Test
    void aTinyCellKeepsOneCharacter() {
        assertEquals("h", CellText.fit("horizontal bar", 8));
        assertEquals("h", CellText.fit("horizontal bar", 0));
    }
}
