package org.mpbnlab.app.train;

import java.util.function.DoubleSupplier;
import javafx.scene.layout.Region;
import org.mpbnlab.app.charts.ChartPane;

/**
 * The Train view's right column, top to bottom: the notes and the runs' legend, the loss and accuracy charts side by
 * side, the firing-rate chart. It shares its height so that the curves stay readable however many runs the legend
 * names (issue 11 #14: with six runs in classroom fonts the legend took the height and left the loss plot 45 px):
 * <ol>
 *   <li>each chart row first gets its least height: a plot of {@link #PLOT} pixels, plus what its title, tick
 *       labels and legend took when it was last drawn ({@link ChartPane#chromeHeightProperty}; before that, an estimate at the charts' font scale);</li>
 *   <li>the notes and legend get what they need from what is left; when that is not enough they keep what is left
 *       (at least {@link #HEADER_LINES} lines), down to their last whole row, and scroll row by row
 *       ({@link RowViewport});</li>
 *   <li>what remains is shared by the two chart rows in the ratio of their preferred heights.</li>
 * </ol>
 */
final class ChartColumn extends Region {

    /** Least plot height of every chart, in pixels: room for a curve and three ticks. */
    static final double PLOT = 100;
    /** Estimated height of a loss or accuracy chart besides its plot, per unit of font scale (title, x axis). */
    static final double COMPARISON_CHROME = 64;
    /** Estimated height of the firing-rate chart besides its plot, per unit of font scale (and two legend rows). */
    static final double FIRING_CHROME = 106;
    /** Lines of the notes and legend kept in view at least. */
    static final int HEADER_LINES = 3;

    private static final double GAP = 8;

    private final RowViewport header;
    private final Region comparison;
    private final ChartPane comparisonChart;
    private final ChartPane firing;
    private final DoubleSupplier fontScale;
    private final DoubleSupplier lineHeight;

    /**
     * @param header     the notes and legend, in a view that scrolls (by whole rows) only when the column is short
     * @param comparison      the loss and accuracy charts
     * @param comparisonChart one of them (they are drawn alike)
     * @param firing          the firing-rate chart
     * @param fontScale  the charts' font scale (1 on a desk, larger in classroom mode)
     * @param lineHeight the height of a line of the notes' text
     */
    ChartColumn(RowViewport header, Region comparison, ChartPane comparisonChart, ChartPane firing,
                DoubleSupplier fontScale, DoubleSupplier lineHeight) {
        this.header = header;
        this.comparison = comparison;
        this.comparisonChart = comparisonChart;
        this.firing = firing;
        comparisonChart.chromeHeightProperty().addListener((obs, old, now) -> requestLayout());
        firing.chromeHeightProperty().addListener((obs, old, now) -> requestLayout());
        this.fontScale = fontScale;
        this.lineHeight = lineHeight;
        getChildren().setAll(header, comparison, firing);
    }

    /** Least height of the loss and accuracy row. */
    double comparisonMinimum() {
        return PLOT + chrome(comparisonChart, COMPARISON_CHROME);
    }

    /** Least height of the firing-rate chart. */
    double firingMinimum() {
        return PLOT + chrome(firing, FIRING_CHROME);
    }

    /** What {@code chart} gives to other things than its plot: as last drawn, else {@code estimate} at the font scale. */
    private double chrome(ChartPane chart, double estimate) {
        double drawn = chart.chromeHeightProperty().get();
        return Double.isNaN(drawn) ? estimate * fontScale.getAsDouble() : drawn;
    }

    /** The height the notes and legend need at {@code width}, all of them in view. */
    private double headerNeeds(double width) {
        return header.prefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double width = getWidth() - x - snappedRightInset();
        double available = getHeight() - snappedTopInset() - snappedBottomInset() - 2 * GAP;
        double charts = comparisonMinimum() + firingMinimum();
        double least = Math.min(headerNeeds(width), HEADER_LINES * lineHeight.getAsDouble());
        // a scrolling header is as high as its whole rows: no row is cut, the charts get the rest
        double headerHeight = header.wholeRowsHeight(width,
                Math.min(headerNeeds(width), Math.max(least, available - charts)));
        double extra = Math.max(0, available - headerHeight - charts);
        double comparisonShare = comparison.prefHeight(width)
                / (comparison.prefHeight(width) + firing.prefHeight(width));
        double comparisonHeight = comparisonMinimum() + extra * comparisonShare;
        double firingHeight = Math.max(0, available - headerHeight - comparisonHeight);
        double y = snappedTopInset();
        layoutInArea(header, x, y, width, headerHeight, 0, null, true, true, javafx.geometry.HPos.LEFT,
                javafx.geometry.VPos.TOP);
        y += headerHeight + GAP;
        layoutInArea(comparison, x, y, width, comparisonHeight, 0, null, true, true, javafx.geometry.HPos.LEFT,
                javafx.geometry.VPos.TOP);
        y += comparisonHeight + GAP;
        layoutInArea(firing, x, y, width, firingHeight, 0, null, true, true, javafx.geometry.HPos.LEFT,
                javafx.geometry.VPos.TOP);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? width : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + snappedBottomInset() + 2 * GAP + headerNeeds(inner)
                + Math.max(comparison.prefHeight(inner), comparisonMinimum())
                + Math.max(firing.prefHeight(inner), firingMinimum());
    }

    /** The column's least height: the chart rows at their least, and a few lines of the notes and legend. */
    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + 2 * GAP + HEADER_LINES * lineHeight.getAsDouble()
                + comparisonMinimum() + firingMinimum();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset()
                + Math.max(comparison.minWidth(-1), firing.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset()
                + Math.max(comparison.prefWidth(-1), firing.prefWidth(-1));
    }
}
