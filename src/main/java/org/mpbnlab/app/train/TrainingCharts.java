package org.mpbnlab.app.train;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.session.MetricCurve;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.TrainingCurves;

/**
 * The curves of the Train view: loss and accuracy of every kept run overlaid (one colour per run,
 * named by its settings in the legend), and the firing rate of every layer of the current run.
 */
public final class TrainingCharts {

    /** Weight of the newest batch in the moving average drawn for training curves. */
    static final double SMOOTHING = 0.1;
    /** Points drawn per curve at most (a chart is a few hundred pixels wide): longer curves are thinned. */
    static final int MAX_POINTS = 400;

    private TrainingCharts() {
    }

    /** Which metric a comparison chart shows. */
    public enum Metric { LOSS, ACCURACY }

    /** How the comparison charts draw a run, said once above them on screen and under the title of an export. */
    public static final String LINE_STYLES = "thin: training batches (moving average) · thick: test samples in eval "
            + "mode (all at each epoch's end, the first ones between)";

    /**
     * {@link #LINE_STYLES} in one short line, as the view writes it above the charts (the whole sentence is in its
     * tooltip and the charts' explanations): on a projector every line above the charts is a line less for the curves.
     */
    public static final String LINE_STYLES_SHORT = "thin: training batches · thick: test samples (eval mode)";

    /**
     * Loss or accuracy of all {@code runs}: thin = training batches (moving average), thick = test samples (the
     * first ones between epochs' ends, all of them at each epoch's end);
     * {@link #LINE_STYLES} and the shared settings are written under the title (for an exported chart: on
     * screen the view writes them once above both charts, see {@link #withoutNotesAndLegend}).
     *
     * @param common the settings all runs share, written under the title
     */
    public static JFreeChart comparison(Metric metric, List<RunCurves> runs, String common, ChartTheme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        LegendItemCollection legend = new LegendItemCollection();
        int series = 0;
        for (RunCurves run : runs) {
            TrainingCurves curves = run.curves();
            Color colour = theme.colour(run.number() - 1);
            MetricCurve train = metric == Metric.LOSS ? curves.trainLoss() : curves.trainAccuracy();
            MetricCurve test = metric == Metric.LOSS ? curves.testLoss() : curves.testAccuracy();
            data.addSeries(series("#" + run.number() + " train", train, true, metric));
            renderer.setSeriesPaint(series, withAlpha(colour, 150));
            renderer.setSeriesStroke(series, theme.runLine(1.2, run.number() - 1));
            series++;
            data.addSeries(series("#" + run.number() + " test", test, false, metric));
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesStroke(series, theme.runLine(3, run.number() - 1));
            renderer.setSeriesShapesVisible(series, true);
            double r = 3.5 * theme.fontScale();
            renderer.setSeriesShape(series, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
            series++;
            LegendItem item = new LegendItem(run.label());
            item.setFillPaint(colour);
            item.setLinePaint(colour);
            item.setLineStroke(theme.runLine(3, run.number() - 1));
            legend.add(item);
        }
        renderer.setDefaultToolTipGenerator((dataset, s, item) -> dataset.getSeriesKey(s) + " · iteration "
                + (long) dataset.getXValue(s, item) + ": " + RunSettingsText.rounded(dataset.getYValue(s, item), 4));
        NumberAxis iterations = iterationAxis(data);
        NumberAxis values = new NumberAxis(metric == Metric.LOSS ? "cross-entropy" : "accuracy (%)");
        if (metric == Metric.ACCURACY) {
            values.setRange(0, 100);
        } else {
            values.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, iterations, values, renderer);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(metric == Metric.LOSS ? "Loss" : "Accuracy", theme.font(15, true), plot,
                true);
        chart.addSubtitle(new TextTitle(LINE_STYLES));
        if (!common.isEmpty()) {
            TextTitle shared = new TextTitle(sharedSettings(runs.size(), common));
            shared.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(shared);
        }
        LegendTitle legendTitle = chart.getLegend();
        legendTitle.setPosition(RectangleEdge.BOTTOM);
        return theme.apply(chart);
    }

    /** "all runs: glyphs · mlp · …" for several runs, the settings alone for one. */
    public static String sharedSettings(int runs, String common) {
        return (runs > 1 ? "all runs: " : "") + common;
    }

    /**
     * {@code chart} without the notes under its title and without its legend: on screen the Train view writes the
     * notes and the runs' legend once above both comparison charts (see {@link RunLegend}, which wraps a long
     * run's name instead of cutting it), so that each chart keeps its height for the curves.
     */
    public static JFreeChart withoutNotesAndLegend(JFreeChart chart) {
        chart.clearSubtitles();
        return chart;
    }

    /** Fraction of neurons that spike, per LIF layer of the current run. */
    public static JFreeChart firingRates(SessionSnapshot snapshot, ChartTheme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        if (snapshot != null) {
            List<MetricCurve> rates = snapshot.curves().firingRates();
            for (int l = 0; l < rates.size(); l++) {
                String name = l < snapshot.layerNames().size() ? snapshot.layerNames().get(l) : "LIF " + (l + 1);
                String now = rates.get(l).size() == 0 ? ""
                        : String.format(Locale.ROOT, " (now %.1f%%)", 100 * rates.get(l).last());
                XYSeries series = new XYSeries(name + now, false, true);
                addSmoothed(series, rates.get(l), 100);
                data.addSeries(series);
                renderer.setSeriesPaint(l, theme.colour(l + 4));
                renderer.setSeriesStroke(l, theme.line(2));
            }
        }
        renderer.setDefaultToolTipGenerator((dataset, s, item) -> dataset.getSeriesKey(s) + " · iteration "
                + (long) dataset.getXValue(s, item) + ": " + RunSettingsText.rounded(dataset.getYValue(s, item), 2) + "%");
        NumberAxis rate = new NumberAxis("firing rate (%)");
        rate.setAutoRangeIncludesZero(true);
        // before the first batch the axis has no data: 0–100 %, not JFreeChart's 0–1 under a percent title
        rate.setDefaultAutoRange(new org.jfree.data.Range(0, 100));
        XYPlot plot = new XYPlot(data, iterationAxis(data), rate, renderer);
        JFreeChart chart = new JFreeChart("Firing rate per layer (current run)", theme.font(15, true), plot, true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return theme.apply(chart);
    }

    /** Whole iterations from 0, at least 0..10 so that a fresh run's axis is not a blur of tiny ticks. */
    private static NumberAxis iterationAxis(XYSeriesCollection data) {
        NumberAxis axis = new NumberAxis("iteration");
        double last = data.getSeriesCount() == 0 ? 0 : data.getDomainUpperBound(false);
        axis.setRange(0, Math.max(10, Double.isNaN(last) ? 0 : last));
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    private static XYSeries series(String name, MetricCurve curve, boolean smooth, Metric metric) {
        XYSeries series = new XYSeries(name, false, true);
        double scale = metric == Metric.ACCURACY ? 100 : 1;
        if (smooth) {
            addSmoothed(series, curve, scale);
        } else {
            int every = stride(curve.size());
            for (int i = 0; i < curve.size(); i++) {
                if (i % every == 0 || i == curve.size() - 1) {
                    series.add(curve.iteration(i), scale * curve.value(i), false);
                }
            }
        }
        return series;
    }

    /** Exponential moving average {@code m ← (1 − α)·m + α·v}, α = {@value #SMOOTHING}, started at the first value. */
    private static void addSmoothed(XYSeries series, MetricCurve curve, double scale) {
        double average = Double.NaN;
        int every = stride(curve.size());
        for (int i = 0; i < curve.size(); i++) {
            double v = curve.value(i);
            average = Double.isNaN(average) ? v : (1 - SMOOTHING) * average + SMOOTHING * v;
            if (i % every == 0 || i == curve.size() - 1) {
                series.add(curve.iteration(i), scale * average, false);
            }
        }
    }

    /** Every how many points one is drawn so that at most about {@value #MAX_POINTS} are. */
    private static int stride(int points) {
        return Math.max(1, (points + MAX_POINTS - 1) / MAX_POINTS);
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
