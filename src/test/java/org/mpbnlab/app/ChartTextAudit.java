package org.mpbnlab.app;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.mpbnlab.app.TextRecordingGraphics.DrawnText;
import org.mpbnlab.app.charts.ChartPane;

/**
 * Draws a chart as the app does (at the size of its pane) and checks every piece of text JFreeChart drew:
 * none may reach past the chart's edge (the image would cut it), no two may cover each other (an axis title
 * over a subtitle, two tick labels into one), none may sit on a plot area's border (a marker's label half in,
 * half out), and every plot area must keep room for its curves.
 */
public final class ChartTextAudit {

    /** Ink boxes may touch or share this many pixels (antialiasing) before they count as overlapping. */
    private static final double TOLERANCE = 1.0;
    /** A text inside a plot area (a marker's label) keeps this many pixels from its border, so the line does not cross it. */
    private static final double BORDER_MARGIN = 2.0;

    private ChartTextAudit() {
    }

    /**
     * The problems of {@code chart} drawn at {@code width × height}, each a sentence; plot areas lower or
     * narrower than {@code minPlotSize} pixels are reported too.
     */
    public static List<String> audit(JFreeChart chart, double width, double height, double minPlotSize) {
        BufferedImage page = new BufferedImage((int) Math.ceil(width), (int) Math.ceil(height),
                BufferedImage.TYPE_INT_ARGB);
        TextRecordingGraphics g = new TextRecordingGraphics(page.createGraphics());
        ChartRenderingInfo info = ChartPane.drawChart(g, chart, width, height);
        g.dispose();
        List<String> axisTitles = axisTitles(chart);
        List<String> problems = new ArrayList<>();
        List<DrawnText> texts = g.drawn();
        Rectangle2D edges = new Rectangle2D.Double(-TOLERANCE, -TOLERANCE, width + 2 * TOLERANCE,
                height + 2 * TOLERANCE);
        for (int i = 0; i < texts.size(); i++) {
            DrawnText a = texts.get(i);
            if (!edges.contains(a.box())) {
                problems.add(name(a, axisTitles) + " is cut off at the chart's edge (" + box(a.box()) + " on a "
                        + size(width, height) + " chart)");
            }
            for (int j = i + 1; j < texts.size(); j++) {
                DrawnText b = texts.get(j);
                Rectangle2D both = a.box().createIntersection(b.box());
                if (both.getWidth() > TOLERANCE && both.getHeight() > TOLERANCE) {
                    problems.add(name(a, axisTitles) + " overlaps " + name(b, axisTitles));
                }
            }
        }
        for (Rectangle2D plot : plotAreas(info.getPlotInfo())) {
            Rectangle2D inside = new Rectangle2D.Double(plot.getMinX() + BORDER_MARGIN, plot.getMinY() + BORDER_MARGIN,
                    plot.getWidth() - 2 * BORDER_MARGIN, plot.getHeight() - 2 * BORDER_MARGIN);
            for (DrawnText text : texts) {
                if (text.box().intersects(plot) && !inside.contains(text.box())) {
                    problems.add(name(text, axisTitles) + " sits on the plot area's border (" + box(text.box())
                            + ", plot area " + box(plot) + ")");
                }
            }
            if (plot.getWidth() < minPlotSize || plot.getHeight() < minPlotSize) {
                problems.add("the plot area is only " + size(plot.getWidth(), plot.getHeight())
                        + " (at least " + (int) minPlotSize + " px each way keeps curves readable)");
            }
        }
        return problems;
    }

    /** The plot's data area, or its subplots' when it is a combined plot. */
    private static List<Rectangle2D> plotAreas(PlotRenderingInfo plot) {
        if (plot.getSubplotCount() == 0) {
            return List.of(plot.getDataArea());
        }
        List<Rectangle2D> areas = new ArrayList<>();
        for (int i = 0; i < plot.getSubplotCount(); i++) {
            areas.addAll(plotAreas(plot.getSubplotInfo(i)));
        }
        return areas;
    }

    /** The axis titles of the chart: what rotated text (drawn without its string) most likely is. */
    private static List<String> axisTitles(JFreeChart chart) {
        List<XYPlot> plots = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
            addTitle(titles, combined.getDomainAxis());
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plots.add(plot);
        }
        for (XYPlot plot : plots) {
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                addTitle(titles, plot.getRangeAxis(i));
            }
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                addTitle(titles, plot.getDomainAxis(i));
            }
        }
        return titles;
    }

    private static void addTitle(List<String> titles, ValueAxis axis) {
        if (axis != null && axis.getLabel() != null) {
            titles.add(axis.getLabel());
        }
    }

    private static String name(DrawnText text, List<String> axisTitles) {
        if (text.text() != null) {
            return "'" + text.text() + "'";
        }
        return axisTitles.stream().filter(t -> t.length() == text.glyphs()).findFirst()
                .map(t -> "the rotated '" + t + "'").orElse("a rotated text of " + text.glyphs() + " characters");
    }

    private static String box(Rectangle2D box) {
        return String.format(Locale.ROOT, "x %.0f…%.0f, y %.0f…%.0f", box.getMinX(), box.getMaxX(), box.getMinY(),
                box.getMaxY());
    }

    private static String size(double width, double height) {
        return String.format(Locale.ROOT, "%.0f × %.0f px", width, height);
    }
}
