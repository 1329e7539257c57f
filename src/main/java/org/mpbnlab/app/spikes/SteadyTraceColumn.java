package org.mpbnlab.app.spikes;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The column of the neuron traces (the row to add one, the legend of traced neurons, the line key, the chart), which
 * keeps its height while traces come and go: the legend's lines (and a refused number's message) take their height
 * from the chart, up to {@link #CHART_GIVES} pixels, so that adding a trace moves neither the "Add trace" button nor
 * the bottom edge of the rasters above, where the next neuron is clicked. Past that the column grows, the chart
 * keeping its least height.
 *
 * <p>With L the height of the legend and the message, the column's least height is
 * max(m, m − L + {@value #CHART_GIVES}), m being the least height of all its children (the chart's included), and its
 * preferred height the preferred height of its children without them.
 */
final class SteadyTraceColumn extends VBox {

    /** The height the chart gives up to the legend before the column grows: two lines in a projector's font and a gap. */
    static final double CHART_GIVES = 60;

    private final List<Region> comingAndGoing;

    /** A column of {@code children}; the height of {@code comingAndGoing}, some of them, comes out of the chart's. */
    SteadyTraceColumn(double spacing, List<Region> comingAndGoing, Node... children) {
        super(spacing, children);
        this.comingAndGoing = comingAndGoing;
        for (Region r : comingAndGoing) {
            r.setMinHeight(Region.USE_PREF_SIZE); // the chart gives way, never the legend
        }
    }

    @Override
    protected double computeMinHeight(double width) {
        double all = super.computeMinHeight(width);
        return Math.max(all, all - comingAndGoingHeight(width) + CHART_GIVES);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width) - comingAndGoingHeight(width), computeMinHeight(width));
    }

    /** The height of the children that come and go, with the spacing each adds, at the column's {@code width}. */
    private double comingAndGoingHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double sum = 0;
        for (Region r : comingAndGoing) {
            if (r.isManaged()) {
                sum += r.prefHeight(inner) + getSpacing();
            }
        }
        return sum;
    }
}
