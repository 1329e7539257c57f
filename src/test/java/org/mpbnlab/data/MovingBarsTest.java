package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MovingBarsTest {

    private static final int FRAME = MovingBarsGenerator.RETINA * MovingBarsGenerator.RETINA;
    private static final int STEPS = MovingBarsGenerator.STEPS;

    private static float[] sweep(int direction) {
        float[] events = new float[STEPS * FRAME];
        MovingBarsGenerator.sweep(direction, 2.2, 1.4, -3.0, events, 0);
        return events;
    }

    private static float[] summed(float[] events) {
        float[] sum = new float[FRAME];
        for (int t = 0; t < STEPS; t++) {
            for (int p = 0; p < FRAME; p++) {
                sum[p] += events[t * FRAME + p];
            }
        }
        return sum;
    }

    @Test
    void oppositeDirectionsGiveTheSameSummedFrameButDifferentSequences() {
        float[] left = sweep(0);
        float[] right = sweep(1);
        assertArrayEquals(summed(left), summed(right));
        assertFalse(Arrays.equals(left, right));
        float[] up = sweep(2);
        float[] down = sweep(3);
        assertArrayEquals(summed(up), summed(down));
        assertFalse(Arrays.equals(up, down));
    }

    @Test
    void everyPixelFiresExactlyOncePerSweep() {
        for (int direction = 0; direction < 4; direction++) {
            float[] sum = summed(sweep(direction));
            for (float count : sum) {
                assertEquals(1f, count, "direction " + direction);
            }
        }
    }

    @Test
    void rightwardBarReachesTheLeftColumnBeforeTheRightColumn() {
        float[] right = sweep(1);
        assertTrue(firstEventStep(right, 0) < firstEventStep(right, 15));
        float[] left = sweep(0);
        assertTrue(firstEventStep(left, 0) > firstEventStep(left, 15));
    }

    private static int firstEventStep(float[] events, int column) {
        for (int t = 0; t < STEPS; t++) {
            if (events[t * FRAME + column] > 0) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void noiseFreeDatasetSummedFramesDoNotRevealTheClass() {
        Dataset bars = new MovingBarsGenerator().generate(new GeneratorOptions(40, 4, 0.0, 9));
        DataSplit train = bars.train();
        float[] reference = summed(train.sample(0));
        for (int i = 1; i < train.count(); i++) {
            assertArrayEquals(reference, summed(train.sample(i)), "sample " + i + " class " + train.label(i));
        }
    }

    @Test
    void noiseAddsAndDropsEvents() {
        Dataset clean = new MovingBarsGenerator().generate(new GeneratorOptions(8, 4, 0.0, 9));
        Dataset noisy = new MovingBarsGenerator().generate(new GeneratorOptions(8, 4, 0.05, 9));
        int differences = 0;
        for (int i = 0; i < clean.train().features().length; i++) {
            if (clean.train().features()[i] != noisy.train().features()[i]) {
                differences++;
            }
        }
        double rate = (double) differences / clean.train().features().length;
        assertTrue(rate > 0.02 && rate < 0.08, "flip rate " + rate);
    }
}
