package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.List;

/**
 * The values written on a trace's y axis: the thresholds first (V_th, then each traced neuron's Ṽ at the cursor's
 * step), then 0 and the axis' ends, each kept only when it does not touch one already kept, so that the lines a
 * student compares with can always be read off the axis.
 */
final class AxisLabels {

    /**
     * A label wanted at height {@code y} (pixels, down), reading {@code text}, in trace colour {@code colour}
     * (−1: the axis' own grey, −2: black as V_th's line).
     */
    record Label(double y, String text, int colour) {
    }

    private AxisLabels() {
    }

    /** The labels of {@code wanted} (most important first) that fit, each {@code lineHeight} tall and centred on its y. */
    static List<Label> place(List<Label> wanted, double lineHeight) {
        List<Label> kept = new ArrayList<>();
        for (Label candidate : wanted) {
            boolean free = true;
            for (Label k : kept) {
                if (Math.abs(k.y() - candidate.y()) < lineHeight) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
