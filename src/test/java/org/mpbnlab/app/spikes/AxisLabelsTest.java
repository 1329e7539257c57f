package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace's y axis keeps the thresholds' values and drops what would touch them. */
class AxisLabelsTest {

    @Test
    void theThresholdsComeFirstAndNoTwoLabelsTouch() {
        AxisLabels.Label vth = new AxisLabels.Label(60, "V_th 0.50", -2);
        AxisLabels.Label vTilde = new AxisLabels.Label(75, "Ṽ 0.44", 0);
        AxisLabels.Label vTildeClose = new AxisLabels.Label(80, "Ṽ 0.43", 1);
        AxisLabels.Label zero = new AxisLabels.Label(100, "0", -1);
        AxisLabels.Label top = new AxisLabels.Label(8, "0.86", -1);
        AxisLabels.Label bottom = new AxisLabels.Label(105, "-0.06", -1);
        List<AxisLabels.Label> kept = AxisLabels.place(List.of(vth, vTilde, vTildeClose, zero, top, bottom), 14);
        assertEquals(List.of(vth, vTilde, zero, top), kept,
                "the second Ṽ is 5 px from the first and the bottom 5 px from 0: both give way");
    }
}
