package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Minimum, median and maximum of repeated rates, and their spread, on odd and even counts. */
class ThroughputSpreadTest {

    @Test
    void anOddCountHasItsMiddleValueAsMedian() {
        assertEquals(new ThroughputSpread(1, 3, 5), ThroughputSpread.of(5, 1, 3));
        assertEquals(new ThroughputSpread(2, 4, 9), ThroughputSpread.of(4, 9, 2, 8, 3));
    }

    @Test
    void anEvenCountHasTheMeanOfItsTwoMiddleValuesAsMedian() {
        assertEquals(new ThroughputSpread(1, 2.5, 4), ThroughputSpread.of(4, 1, 2, 3));
        assertEquals(new ThroughputSpread(6, 7, 8), ThroughputSpread.of(8, 6));
    }

    @Test
    void oneRateIsItsOwnMinimumMedianAndMaximum() {
        ThroughputSpread one = ThroughputSpread.of(7);
        assertEquals(new ThroughputSpread(7, 7, 7), one);
        assertEquals(0.0, one.spreadPercent());
    }

    @Test
    void theSpreadIsTheRangeInPercentOfTheMedian() {
        // (105 − 95) / 100 = 10 %
        assertEquals(10.0, ThroughputSpread.of(95, 100, 105).spreadPercent(), 1e-12);
        // (4 − 1) / 2.5 = 120 %
        assertEquals(120.0, ThroughputSpread.of(1, 2, 3, 4).spreadPercent(), 1e-12);
    }

    @Test
    void theRatesGivenAreNotReordered() {
        double[] rates = {3, 1, 2};
        ThroughputSpread.of(rates);
        assertArrayEquals(new double[] {3, 1, 2}, rates);
    }

    @Test
    void noRateIsRefused() {
        assertThrows(IllegalArgumentException.class, ThroughputSpread::of);
    }
}
