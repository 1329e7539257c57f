package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The logits panel on a small screen: which classes it lists when not all rows fit. */
class LogitRowsTest {

    private static final float[] TEN = {-2.6f, -2.4f, -3.2f, -1.0f, -1.4f, 0.35f, 5.1f, -2.9f, 1.6f, -0.6f};

    @Test
    void allClassesWhenTheyFit() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), LogitRows.shown(TEN, 6, 10));
        assertEquals(List.of(0, 1, 2), LogitRows.shown(new float[] {1, 2, 3}, 0, 12));
    }

    @Test
    void theLargestInClassOrderWhenTheyDoNot() {
        assertEquals(List.of(5, 6, 8, 9), LogitRows.shown(TEN, 6, 4));
    }

    @Test
    void theLabelIsAlwaysListedEvenWhenItsValueIsSmall() {
        // label 2 has the smallest value; it takes the place of the smallest of the largest
        assertEquals(List.of(2, 5, 6, 8), LogitRows.shown(TEN, 2, 4));
    }

    @Test
    void aDrawingWithoutLabelListsTheLargest() {
        assertEquals(List.of(6, 8), LogitRows.shown(TEN, -1, 2));
    }
}
