package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free spike decision is exactly the strict comparison, including ties and infinities. */
class BranchFreeComparisonTest {

    @Test
    void aboveIsExactlyStrictGreaterThan() {
        double[] specials = {0.5, Math.nextUp(0.5), Math.nextDown(0.5), 0.0, -0.0, -1e-300, 1e-300,
                Double.MIN_VALUE, -Double.MIN_VALUE, 1e300, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double v : specials) {
            for (double t : specials) {
                assertEquals(v > t ? 1.0 : 0.0, LifDynamics.above(v, t), v + " > " + t);
            }
        }
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            double v = rng.nextGaussian();
            double t = rng.nextBoolean() ? v : rng.nextGaussian();
            assertEquals(v > t ? 1.0 : 0.0, LifDynamics.above(v, t));
        }
    }
}
