package org.mpbnlab.app.spikes;

import javafx.scene.paint.Color;

/** The colours of traced neurons: the same colour marks a neuron on its raster and draws its trace. */
public final class TracePalette {

    private static final Color[] COLOURS = {
        Color.web("#d62728"), Color.web("#1f77b4"), Color.web("#2ca02c"),
        Color.web("#9467bd"), Color.web("#ff7f0e"), Color.web("#17becf")
    };

    private TracePalette() {
    }

    public static Color colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }
}
