package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarginHistogramTest {

    @Test
    void marginsFallIntoTheirBinaryOctave() {
        MarginHistogram h = new MarginHistogram();
        h.add(0.0);
        h.add(Math.scalb(1.0, -45));
        h.add(0.75);          // [0.5, 1)
        h.add(1.0);           // [1, 2)
        h.add(Math.nextDown(1.0));
        h.add(-3.0);          // |·| = 3: [2, 4)
        h.add(1e6);           // above 2^14
        h.add(Double.NaN);    // ignored
        assertEquals(7, h.total());
        assertEquals(2, h.count(0));
        int half = MarginHistogram.bin(0.5);
        assertEquals(2, h.count(half));
        assertEquals(0.5, MarginHistogram.lowerEdge(half));
        assertEquals(1.0, MarginHistogram.upperEdge(half));
        assertEquals(1, h.count(half + 1));
        assertEquals(1, h.count(half + 2));
        assertEquals(1, h.count(h.bins() - 1));
        assertEquals(Double.POSITIVE_INFINITY, MarginHistogram.upperEdge(h.bins() - 1));
        assertEquals(4, h.belowPowerOfTwo(0));
    }

    @Test
    void everyBinsEdgesContainWhatItCounts() {
        for (int b = 1; b < new MarginHistogram().bins() - 1; b++) {
            double low = MarginHistogram.lowerEdge(b);
            assertEquals(b, MarginHistogram.bin(low));
            assertEquals(b, MarginHistogram.bin(Math.nextDown(MarginHistogram.upperEdge(b))));
            assertTrue(MarginHistogram.bin(Math.nextDown(low)) == b - 1);
        }
    }
}
