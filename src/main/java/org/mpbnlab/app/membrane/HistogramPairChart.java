package org.mpbnlab.app.membrane;

import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.train.RunSettingsText;
import org.mpbnlab.probe.Histogram;
import org.mpbnlab.probe.MembraneQuantity;

/**
 * The chart of one time step: the histogram of u_pre above the histogram of û on a shared membrane
 * axis (and a count axis shared by all steps of the figure), V_th drawn as a dashed line, and the
 * mean, std and fraction above V_th written on each. With MPBN off only u_pre is drawn (û = u_pre).
 */
public final class HistogramPairChart {

    private HistogramPairChart() {
    }

    /** The chart of step {@code t} (0-based) of {@code figure}, deciding alone whether its numbers fit. */
    public static JFreeChart create(MembraneFigure figure, int t, ChartTheme theme) {
        return create(figure, t, theme, SmallestPanel.OWN_SIZE);
    }

    /**
     * The chart of step {@code t} (0-based) of {@code figure}, one of the figure's panels: its numbers are written
     * when they fit on the figure's {@code smallest} panel ({@link SummaryBox}).
     */
    static JFreeChart create(MembraneFigure figure, int t, ChartTheme theme, SmallestPanel smallest) {
        NumberAxis membrane = new NumberAxis("potential");
        membrane.setRange(figure.layer().membraneRange().lower(), figure.layer().membraneRange().upper());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(membrane);
        plot.setGap(gapBetweenPlots(theme));
        double countTop = figure.sharedPeak() * 1.45;
        boolean twoPlots = figure.layer().mpbnEnabled();
        plot.add(quantityPlot(figure, t, MembraneQuantity.BEFORE_NORM, countTop, !twoPlots, theme, smallest), 1);
        if (twoPlots) {
            plot.add(quantityPlot(figure, t, MembraneQuantity.AFTER_NORM, countTop, true, theme, smallest), 1);
        }
        JFreeChart chart = new JFreeChart("t = " + (t + 1), theme.font(15, true), plot, false);
        if (!figure.layer().mpbnEnabled()) {
            chart.addSubtitle(new TextTitle("MPBN off: û = u_pre", theme.font(11, false)));
        }
        theme.apply(chart);
        if (t == figure.cursor()) {
            chart.setBackgroundPaint(ChartTheme.CURSOR_BACKGROUND);
        }
        return chart;
    }

    /**
     * The space between u_pre's plot and û's: about a tick label's height. The lowest tick label of the upper plot ("0")
     * and the highest of the lower one are centred on the plots' facing edges, so a smaller gap lets them overlap
     * when the plots are short (large fonts on a small screen).
     */
    static double gapBetweenPlots(ChartTheme theme) {
        return theme.font(11, false).getSize();
    }

    /**
     * One plot of the pair. Both share one count range; only {@code labelled} (the lower one) names its axis
     * "count", because two labels side by side read "count count" once the plots are shorter than the word.
     */
    private static XYPlot quantityPlot(MembraneFigure figure, int t, MembraneQuantity quantity, double countTop,
                                       boolean labelled, ChartTheme theme, SmallestPanel smallest) {
        Histogram histogram = figure.histogram(quantity, t);
        XYIntervalSeries series = new XYIntervalSeries(quantity.symbol());
        for (int k = 0; k < histogram.bins(); k++) {
            double start = histogram.binStart(k);
            double end = start + histogram.binWidth();
            series.add((start + end) / 2, start, end, histogram.count(k), 0, histogram.count(k));
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, quantity == MembraneQuantity.BEFORE_NORM ? ChartTheme.BEFORE_NORM : ChartTheme.AFTER_NORM);
        bars.setDefaultToolTipGenerator((dataset, s, item) -> binTooltip(histogram, quantity, item, figure));
        NumberAxis counts = new NumberAxis(labelled ? "count" : null);
        counts.setRange(0, countTop);
        counts.setAutoRange(false);
        XYPlot plot = new XYPlot(data, null, counts, bars);
        ValueMarker threshold = new ValueMarker(histogram.threshold(), ChartTheme.THRESHOLD, theme.dashed());
        plot.addDomainMarker(threshold);
        double folded = figure.thresholdOnMembrane(t);
        if (quantity == MembraneQuantity.BEFORE_NORM && !Double.isNaN(folded)) {
            plot.addDomainMarker(new ValueMarker(folded, ChartTheme.FOLDED_THRESHOLD, theme.dashed()));
        }
        plot.addAnnotation(new SummaryBox(summaryTitle(summaryText(histogram, quantity, figure, t), theme),
                summaryTitle(widestSummaryText(figure), theme), smallest));
        return plot;
    }

    private static TextTitle summaryTitle(String text, ChartTheme theme) {
        TextTitle summary = new TextTitle(text, theme.font(11, false));
        summary.setTextAlignment(HorizontalAlignment.LEFT);
        summary.setPaint(Color.DARK_GRAY);
        summary.setBackgroundPaint(new Color(255, 255, 255, 200));
        summary.setPadding(new RectangleInsets(1, 3, 1, 3));
        summary.setPosition(RectangleEdge.TOP);
        return summary;
    }

    /**
     * The widest and tallest {@link #summaryText} any panel of {@code figure} can have: the longer symbol, negative
     * two-digit numbers, a share of 100.0 %, and the Ṽ line when the figure has one. Every panel decides from it
     * whether its numbers fit ({@link SummaryBox}), so that all show them or none do.
     */
    static String widestSummaryText(MembraneFigure figure) {
        String text = "u_pre  μ -00.00  σ 00.00" + System.lineSeparator() + "100.0% > V_th = "
                + RunSettingsText.number(figure.layer().threshold()) + ": fire";
        if (!Double.isNaN(figure.thresholdOnMembrane(figure.cursor()))) {
            text += System.lineSeparator() + "100.0% > Ṽ = -00.00 (purple): fire";
        }
        return text;
    }

    /**
     * E.g. "û  μ 0.31  σ 0.20" (mean and std) and "12.5% > V_th = 0.5: fire"; on u_pre of one channel also
     * "12.5% > Ṽ = 0.18: fire", the share of u_pre past the folded threshold, which equals û's share above V_th.
     */
    static String summaryText(Histogram h, MembraneQuantity quantity, MembraneFigure figure, int t) {
        boolean decides = quantity == MembraneQuantity.AFTER_NORM || !figure.layer().mpbnEnabled();
        String text = String.format(Locale.ROOT, "%s  μ %s  σ %s%n%.1f%% > V_th = %s%s", quantity.symbol(),
                twoPlaces(h.mean()), twoPlaces(h.std()), 100 * h.fractionAbove(), RunSettingsText.number(h.threshold()),
                decides ? ": fire" : "");
        double folded = figure.thresholdOnMembrane(t);
        if (quantity == MembraneQuantity.BEFORE_NORM && !Double.isNaN(folded)) {
            String side = figure.firesBelowThreshold() ? "<" : ">";
            text += String.format(Locale.ROOT, "%n%.1f%% %s Ṽ = %s (purple): fire", 100 * figure.fractionPastThreshold(t),
                    side, twoPlaces(folded));
        }
        return text;
    }

    /** {@code v} with two decimals, and "0.00" for a value that rounds to zero (never "-0.00"). */
    static String twoPlaces(double v) {
        String text = String.format(Locale.ROOT, "%.2f", v);
        return text.equals("-0.00") ? "0.00" : text;
    }

    private static String binTooltip(Histogram h, MembraneQuantity quantity, int k, MembraneFigure figure) {
        double start = h.binStart(k);
        String statistics = quantity == MembraneQuantity.AFTER_NORM
                ? " — normalised with " + figure.frame().source().label() : "";
        return quantity.symbol() + " in [" + RunSettingsText.rounded(start, 3) + ", "
                + RunSettingsText.rounded(start + h.binWidth(), 3) + "): " + RunSettingsText.count(h.count(k), "value") + statistics;
    }
}
