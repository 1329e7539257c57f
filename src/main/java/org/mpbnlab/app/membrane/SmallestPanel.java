package org.mpbnlab.app.membrane;

import java.awt.geom.Rectangle2D;
import java.util.List;
import javafx.scene.layout.Region;

/**
 * The chart size of a figure's smallest panel, shared by the panels' {@link SummaryBox}es: each decides whether the
 * numbers fit from the plot area it would have on that panel, not on its own, so that all panels of a figure show
 * their numbers or none do. A grid's panels differ by a pixel when its width does not divide evenly; at 1024 × 768
 * the widest numbers sat right at the limit, and alternate panels (t = 1 and 3, not 2 and 4) fell on either side.
 *
 * <p>Written on the FX thread when a panel's size changes, read by the chart renderer while it draws.
 */
final class SmallestPanel {

    /** No panel size known: every panel decides on its own plot area. */
    static final SmallestPanel OWN_SIZE = new SmallestPanel();

    private record Size(double width, double height) {
    }

    private volatile Size smallest;

    /** Takes the smallest chart size (without insets) of {@code panels}; false when it did not change. */
    boolean update(List<? extends Region> panels) {
        double width = Double.POSITIVE_INFINITY;
        double height = Double.POSITIVE_INFINITY;
        for (Region panel : panels) {
            width = Math.min(width, panel.getWidth() - panel.snappedLeftInset() - panel.snappedRightInset());
            height = Math.min(height, panel.getHeight() - panel.snappedTopInset() - panel.snappedBottomInset());
        }
        Size now = panels.isEmpty() ? null : new Size(width, height);
        boolean changed = !java.util.Objects.equals(now, smallest);
        smallest = now;
        return changed;
    }

    /** Sets the smallest chart size directly (what {@link #update} measures on screen). */
    void set(double width, double height) {
        smallest = new Size(width, height);
    }

    /**
     * The plot area {@code dataArea}, drawn on a chart of {@code chartArea}, as it is on the smallest panel: smaller
     * by what this chart is larger (the panels' titles and axes are alike, so the difference is all in the plot).
     */
    Rectangle2D onSmallest(Rectangle2D dataArea, Rectangle2D chartArea) {
        Size s = smallest;
        if (s == null || chartArea == null) {
            return dataArea;
        }
        double narrower = Math.max(0, chartArea.getWidth() - s.width());
        double lower = Math.max(0, chartArea.getHeight() - s.height());
        return new Rectangle2D.Double(dataArea.getX(), dataArea.getY(), Math.max(0, dataArea.getWidth() - narrower),
                Math.max(0, dataArea.getHeight() - lower));
    }
}
