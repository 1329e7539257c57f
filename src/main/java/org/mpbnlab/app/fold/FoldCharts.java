package org.mpbnlab.app.fold;

import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.fold.MarginHistogram;

/** The Fold view's charts, built from the view models' values (drawn off the FX thread by a ChartPane). */
final class FoldCharts {

    static final Color FIRES_ABOVE = ChartTheme.BEFORE_NORM;
    static final Color FIRES_BELOW = new Color(0xE69F00);
    static final Color CONSTANT = new Color(0x999999);
    static final Color FIRING = new Color(0xD55E00);
    static final Color SILENT = new Color(0xA8C6E0);
    static final Color FIRING_REGION = new Color(255, 200, 120, 70);
    /**
     * Room between a marker's label and the plot's edge: the accent of "Ṽ" reaches above a capital, and a label
     * must not sit on the plot's border.
     */
    private static final RectangleInsets MARKER_LABEL_OFFSET = new RectangleInsets(7, 4, 4, 4);

    private FoldCharts() {
    }

    /** One bar per group: Ṽ, coloured by its comparison; constant groups grey up to V_th; V_th dashed. */
    static JFreeChart thresholdBars(ThresholdLayer layer, int set, ChartTheme theme) {
        XYIntervalSeries above = new XYIntervalSeries("fires when u_pre > Ṽ (γ > 0)");
        XYIntervalSeries below = new XYIntervalSeries("fires when u_pre < Ṽ (γ < 0)");
        XYIntervalSeries constant = new XYIntervalSeries("constant (γ = 0): no Ṽ");
        for (int g = 0; g < layer.groups(); g++) {
            double x = g + 1;
            int direction = layer.direction()[set][g];
            double value = layer.threshold()[set][g];
            if (direction > 0) {
                above.add(x, x - 0.4, x + 0.4, value, Math.min(0, value), Math.max(0, value));
            } else if (direction < 0) {
                below.add(x, x - 0.4, x + 0.4, value, Math.min(0, value), Math.max(0, value));
            } else {
                constant.add(x, x - 0.4, x + 0.4, layer.vth(), 0, layer.vth());
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(above);
        data.addSeries(below);
        data.addSeries(constant);
        XYBarRenderer bars = flatBars();
        bars.setSeriesPaint(0, FIRES_ABOVE);
        bars.setSeriesPaint(1, FIRES_BELOW);
        bars.setSeriesPaint(2, CONSTANT);
        bars.setDefaultToolTipGenerator((dataset, series, item) ->
                layer.describe(set, (int) Math.round(dataset.getXValue(series, item)) - 1));
        NumberAxis groups = new NumberAxis(layer.groupNoun());
        groups.setRange(0.4, layer.groups() + 0.6);
        NumberAxis values = new NumberAxis("folded threshold Ṽ");
        values.setRange(valueRangeWithLabelRoom(layer, set));
        XYPlot plot = new XYPlot(data, groups, values, bars);
        plot.addRangeMarker(thresholdMarker(layer.vth(), "V_th = " + ThresholdLayer.trim(layer.vth()), theme));
        JFreeChart chart = new JFreeChart(layer.description() + (layer.sets() > 1 ? " · t = " + (set + 1) : "")
                + " · Ṽ per " + layer.groupNoun(), theme.font(14, true), plot, true);
        return theme.apply(chart);
    }

    /**
     * The bars' value range: zero, every Ṽ and V_th, plus 30 % of the span above the highest, so that the dashed
     * V_th line's label (written above the line) stays inside the plot even when V_th is the highest value and the
     * plot is low (a projector's large font leaves ~100 px).
     */
    static org.jfree.data.Range valueRangeWithLabelRoom(ThresholdLayer layer, int set) {
        double lo = Math.min(0, layer.vth());
        double hi = Math.max(0, layer.vth());
        for (int g = 0; g < layer.groups(); g++) {
            if (layer.direction()[set][g] != 0) {
                lo = Math.min(lo, layer.threshold()[set][g]);
                hi = Math.max(hi, layer.threshold()[set][g]);
            }
        }
        double span = Math.max(hi - lo, 1e-6);
        return new org.jfree.data.Range(lo == 0 ? 0 : lo - 0.05 * span, hi + 0.3 * span);
    }

    /** One cell per neuron of a conv layer with a threshold per neuron: the channels side by side. */
    static JFreeChart thresholdMap(ThresholdLayer layer, int set, ChartTheme theme) {
        int channels = layer.shape()[0];
        int height = layer.shape()[1];
        int width = layer.shape()[2];
        int columns = (int) Math.ceil(Math.sqrt(channels * (double) height / width * 1.6));
        int n = layer.groups();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < n; g++) {
            int c = g / (height * width);
            int y = (g / width) % height;
            int x = g % width;
            xs[g] = (c % columns) * (width + 2) + x;
            ys[g] = -((c / columns) * (height + 2) + y);
            zs[g] = layer.direction()[set][g] == 0 ? Double.NaN : layer.threshold()[set][g];
            if (!Double.isNaN(zs[g])) {
                lo = Math.min(lo, zs[g]);
                hi = Math.max(hi, zs[g]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("Ṽ", new double[][] {xs, ys, zs});
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(divergingScale(lo, hi, layer.vth()));
        blocks.setDefaultToolTipGenerator((dataset, series, item) -> layer.describe(set, item));
        NumberAxis xAxis = new NumberAxis();
        xAxis.setVisible(false);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setVisible(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "%s · Ṽ per neuron (%d channel maps;"
                        + " red above V_th, blue below, grey constant)", layer.description(), channels),
                theme.font(14, true), plot, false);
        return theme.apply(chart);
    }

    /** Blue below V_th, white at V_th, red above; NaN (constant) grey. */
    private static PaintScale divergingScale(double lo, double hi, double centre) {
        double span = Math.max(Math.max(hi - centre, centre - lo), 1e-9);
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return centre - span;
            }

            @Override
            public double getUpperBound() {
                return centre + span;
            }

            @Override
            public java.awt.Paint getPaint(double value) {
                if (Double.isNaN(value)) {
                    return CONSTANT;
                }
                double a = Math.max(-1, Math.min(1, (value - centre) / span));
                int fade = (int) Math.round(255 * (1 - Math.abs(a)));
                return a >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
            }
        };
    }

    /** The distribution of |u_pre − Ṽ| in binary octaves, for the exact fold and the deployable network. */
    static JFreeChart marginHistogram(MarginHistogram folded, MarginHistogram deployable, ChartTheme theme) {
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        XYSeries exact = new XYSeries("exact fold", true, false);
        XYSeries deployed = new XYSeries("deployable", true, false);
        for (int b = 1; b < folded.bins() - 1; b++) {
            double exponent = Math.log(MarginHistogram.lowerEdge(b)) / Math.log(2);
            exact.add(exponent, folded.count(b));
            deployed.add(exponent, deployable.count(b));
        }
        data.addSeries(exact);
        data.addSeries(deployed);
        data.setIntervalWidth(1.0);
        XYBarRenderer bars = new org.jfree.chart.renderer.xy.ClusteredXYBarRenderer(0.1, false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, FIRES_ABOVE);
        bars.setSeriesPaint(1, FIRES_BELOW);
        bars.setDefaultToolTipGenerator((dataset, series, item) -> {
            int b = item + 1;
            return String.format(Locale.ROOT, "%s: %,d neurons with |u_pre − Ṽ| in [%.3g, %.3g)",
                    series == 0 ? "exact fold" : "deployable", (series == 0 ? folded : deployable).count(b),
                    MarginHistogram.lowerEdge(b), MarginHistogram.upperEdge(b));
        });
        // short enough for a projector's large font; the dashed marker says what −23 is
        NumberAxis octave = new NumberAxis("log₂ |u_pre − Ṽ|");
        NumberAxis count = new NumberAxis("neurons × steps");
        XYPlot plot = new XYPlot(data, octave, count, bars);
        ValueMarker floatStep = new ValueMarker(-23, ChartTheme.THRESHOLD, theme.dashed());
        floatStep.setLabel("float32 spacing at 1"); // at −23 on the axis: short enough for a narrow chart
        floatStep.setLabelFont(theme.font(11, false));
        floatStep.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        floatStep.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        floatStep.setLabelOffset(MARKER_LABEL_OFFSET);
        plot.addDomainMarker(floatStep);
        JFreeChart chart = new JFreeChart("How close membranes come to the threshold", theme.font(14, true), plot,
                true);
        return theme.apply(chart);
    }

    /**
     * A histogram of the explorer: firing neurons stacked on silent ones, the firing region shaded, the threshold
     * (Ṽ on u_pre, V_th on û) dashed.
     */
    static JFreeChart explorerHistogram(ExplorerState.Bins bins, String quantity, double mark, String markLabel,
                                        Color markColour, ExplorerState.Region region, ChartTheme theme) {
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        XYSeries firing = new XYSeries("fire", true, false);
        XYSeries silent = new XYSeries("silent", true, false);
        for (int k = 0; k < bins.bins(); k++) {
            double centre = bins.start(k) + bins.width() / 2;
            firing.add(centre, bins.firing()[k]);
            silent.add(centre, bins.silent()[k]);
        }
        data.addSeries(firing);
        data.addSeries(silent);
        data.setIntervalWidth(bins.width());
        StackedXYBarRenderer bars = new StackedXYBarRenderer(0.05);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, FIRING);
        bars.setSeriesPaint(1, SILENT);
        bars.setDefaultToolTipGenerator((dataset, series, item) -> String.format(Locale.ROOT,
                "%s in [%.4g, %.4g): %d fire, %d silent", quantity, bins.start(item), bins.start(item + 1),
                bins.firing()[item], bins.silent()[item]));
        NumberAxis axis = new NumberAxis(quantity);
        double lo = bins.lower();
        double hi = bins.start(bins.bins());
        if (!Double.isNaN(mark)) {
            // the threshold in view with room right of it for its label and the firing region's (γ = 0 puts every
            // û at β, far left of V_th, or the membranes may all lie on one side)
            double span = Math.max(hi - lo, 1e-6);
            lo = Math.min(lo, mark - 0.05 * span);
            hi = Math.max(hi, mark + 0.25 * span);
        }
        axis.setRange(lo, hi);
        NumberAxis count = new NumberAxis("neurons");
        count.setRange(0, bins.peak() * 1.15);
        XYPlot plot = new XYPlot(data, axis, count, bars);
        IntervalMarker shade = switch (region) {
            case ABOVE -> new IntervalMarker(Math.max(lo, mark), Math.max(hi, mark));
            case BELOW -> new IntervalMarker(Math.min(lo, mark), Math.min(hi, mark));
            case EVERYWHERE -> new IntervalMarker(lo, hi);
            case NOWHERE -> null;
        };
        if (shade != null) {
            shade.setPaint(FIRING_REGION);
            shade.setLabel("fires");
            shade.setLabelFont(theme.font(11, true));
            // below the plot's top edge, never centred on it; at the region's far end from the threshold, so that a
            // narrow region does not write "fires" over the threshold's own label
            boolean aboveTheMark = region == ExplorerState.Region.ABOVE;
            shade.setLabelAnchor(aboveTheMark ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
            shade.setLabelTextAnchor(aboveTheMark ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            shade.setLabelOffset(MARKER_LABEL_OFFSET);
            plot.addDomainMarker(shade, Layer.BACKGROUND);
        }
        if (!Double.isNaN(mark)) {
            ValueMarker line = new ValueMarker(mark, markColour, theme.dashed());
            line.setLabel(markLabel);
            line.setLabelFont(theme.font(11, false));
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            line.setLabelOffset(MARKER_LABEL_OFFSET);
            plot.addDomainMarker(line);
        }
        JFreeChart chart = theme.apply(new JFreeChart(null, theme.font(13, true), plot, true));
        // no title above: room for half of the top tick label, which is centred on the plot's top edge
        RectangleInsets padding = chart.getPadding();
        chart.setPadding(new RectangleInsets(Math.max(padding.getTop(), theme.font(11, false).getSize()),
                padding.getLeft(), padding.getBottom(), padding.getRight()));
        return chart;
    }

    private static XYBarRenderer flatBars() {
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        return bars;
    }

    private static ValueMarker thresholdMarker(double value, String label, ChartTheme theme) {
        ValueMarker marker = new ValueMarker(value, ChartTheme.THRESHOLD, theme.dashed());
        marker.setLabel(label);
        marker.setLabelFont(theme.font(11, false));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        return marker;
    }
}
