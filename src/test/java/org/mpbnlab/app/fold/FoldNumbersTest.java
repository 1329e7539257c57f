package org.mpbnlab.app.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the Fold view writes its numbers and what it tells a user who cannot fold. */
class FoldNumbersTest {

    @Test
    void anExactTieIsSaidAsATieNotAsARoundedZero() {
        // the conv sample's whole test set has u_pre == Ṽ exactly somewhere: "%.3g" wrote it "0.00"
        assertEquals("0 (a tie)", CheckAllViewModel.margin(0.0));
        assertEquals("1.11e-05", CheckAllViewModel.margin(1.11e-5));
        assertEquals("—", CheckAllViewModel.margin(Double.POSITIVE_INFINITY));
    }

    @Test
    void aLogitDifferenceOfZeroIsJustZero() {
        assertEquals("0.00", CheckAllViewModel.number(0.0));
    }

    @Test
    void withoutMpbnTheSummaryNamesOnlyWaysThatExist() {
        // the Runs list does not make an earlier run current, so "choose a run" was advice nobody could follow
        assertFalse(FoldViewModel.NOTHING_TO_FOLD.contains("choose"), FoldViewModel.NOTHING_TO_FOLD);
        assertTrue(FoldViewModel.NOTHING_TO_FOLD.contains("File ▸ Open model"), FoldViewModel.NOTHING_TO_FOLD);
    }
}
