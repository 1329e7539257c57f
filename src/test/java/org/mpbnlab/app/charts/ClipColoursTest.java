package org.mpbnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.MovingBarsGenerator;

/** A clip as one still picture: the colour says when a pixel was lit, so a sweep's direction shows. */
class ClipColoursTest {

    private static int red(int argb) {
        return argb >> 16 & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }

    @Test
    void aPixelLitFirstIsBlueOneLitLastIsRedOneNeverLitIsBlack() {
        // T = 4, one channel, 1 × 3 pixels: pixel 0 lit at step 1, pixel 1 at step 4, pixel 2 never
        float[] clip = new float[4 * 3];
        clip[0] = 1;
        clip[3 * 3 + 1] = 1;
        int[] argb = ClipColours.argb(clip, new int[] {4, 1, 1, 3});
        assertEquals(0xff0000ff, argb[0], "first step: blue");
        assertEquals(0xffff0000, argb[1], "last step: red");
        assertEquals(0xff000000, argb[2], "never lit: black");
        assertEquals(ClipColours.colourOfStep(0, 4), argb[0]);
        assertEquals(ClipColours.colourOfStep(3, 4), argb[1]);
    }

    @Test
    void aBarSweepingRightTurnsFromBlueOnTheLeftToRedOnTheRightAndLeftTheOtherWay() {
        Dataset data = new MovingBarsGenerator().generate(new MovingBarsGenerator().defaults(7));
        DataSplit test = data.test();
        int right = data.classNames().indexOf("right");
        int left = data.classNames().indexOf("left");
        int checked = 0;
        for (int i = 0; i < 40; i++) {
            int label = test.label(i);
            if (label != right && label != left) {
                continue;
            }
            int[] argb = ClipColours.argb(test.sample(i), test.sampleShape());
            double early = redMinusBlue(argb, 2);
            double late = redMinusBlue(argb, 13);
            assertTrue(label == right ? early < late : early > late,
                    "sample " + i + " (" + data.classNames().get(label) + "): column 3 " + early + ", column 14 " + late);
            checked++;
        }
        assertTrue(checked >= 10, "enough left and right sweeps among the first 40: " + checked);
    }

    /** Mean of red − blue over column {@code x} of a 16 × 16 picture: −255 all blue (early), +255 all red (late). */
    private static double redMinusBlue(int[] argb, int x) {
        double sum = 0;
        for (int y = 0; y < 16; y++) {
            sum += red(argb[y * 16 + x]) - blue(argb[y * 16 + x]);
        }
        return sum / 16;
    }
}
