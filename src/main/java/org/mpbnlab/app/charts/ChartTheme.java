package org.mpbnlab.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Fonts and colours of every chart; the classroom theme has fonts large enough to read from the
 * back of a room, the high-contrast theme bold black text, darker grid lines and thicker lines.
 *
 * @param fontScale 1 on a desk, larger in classroom mode
 * @param highContrast bold fonts, black text and grid, lines half as thick again
 */
public record ChartTheme(double fontScale, boolean highContrast) {

    public static final ChartTheme DESK = new ChartTheme(1.0);
    public static final ChartTheme CLASSROOM = new ChartTheme(1.5);
    public static final ChartTheme HIGH_CONTRAST = new ChartTheme(1.25, true);

    /** A theme of normal contrast with fonts scaled by {@code fontScale}. */
    public ChartTheme(double fontScale) {
        this(fontScale, false);
    }

    /** Colour-blind-safe colours (Okabe–Ito) for runs and layers. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)
    };

    public static final Color BEFORE_NORM = new Color(0x0072B2);
    public static final Color AFTER_NORM = new Color(0xD55E00);
    public static final Color THRESHOLD = new Color(0xC00000);
    public static final Color FOLDED_THRESHOLD = new Color(0x7B2FBE);
    public static final Color CURSOR_BACKGROUND = new Color(0xFFF4D6);

    public Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * The dash pattern of run {@code index} (0-based), in multiples of the line's width: empty (a solid line) for the
     * first {@code PALETTE.length} runs; the colours then repeat, so the next ones are dashed, then dotted, then
     * dash-dotted, and so on: run #9 has run #1's colour but never its line.
     */
    public static float[] runDashes(int index) {
        return DASH_CYCLES[Math.floorMod(Math.floorDiv(index, PALETTE.length), DASH_CYCLES.length)].clone();
    }

    /** The line patterns of the successive cycles through the palette (see {@link #runDashes}). */
    private static final float[][] DASH_CYCLES = {{}, {4f, 2.5f}, {1f, 2f}, {5f, 2f, 1f, 2f}};

    /** A line of {@code width} (scaled like {@link #line}) in run {@code index}'s pattern (see {@link #runDashes}). */
    public Stroke runLine(double width, int index) {
        BasicStroke solid = (BasicStroke) line(width);
        float[] dashes = runDashes(index);
        if (dashes.length == 0) {
            return solid;
        }
        float w = Math.max(1f, solid.getLineWidth());
        for (int i = 0; i < dashes.length; i++) {
            dashes[i] *= w;
        }
        return new BasicStroke(solid.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dashes, 0);
    }

    public Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold || highContrast ? Font.BOLD : Font.PLAIN,
                (int) Math.round(size * fontScale));
    }

    public Stroke dashed() {
        return new BasicStroke((float) (2 * fontScale * contrastWidth()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6f, 4f}, 0);
    }

    public Stroke line(double width) {
        return new BasicStroke((float) (width * Math.max(1, fontScale * 0.8) * contrastWidth()));
    }

    private double contrastWidth() {
        return highContrast ? 1.5 : 1.0;
    }

    /** The colour of text, axes and tick marks in high contrast (other themes keep the charts' defaults). */
    public Color text() {
        return Color.BLACK;
    }

    /** The colour of the grid lines. */
    public Color grid() {
        return highContrast ? new Color(0x888888) : new Color(0xDDDDDD);
    }

    /**
     * Loads the chart and font classes by drawing a tiny chart off-screen, so that the first real chart
     * appears without the one-off cost (call from a background thread at start-up).
     */
    public static void warmUp() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        DESK.apply(new JFreeChart("warm-up", new XYPlot())).draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 8, 8));
        g.dispose();
    }

    /** Applies the fonts to titles, legends and all axes of {@code chart}. */
    public JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        // room right of the plot for half of the last tick label, which is centred on the plot's edge
        RectangleInsets padding = chart.getPadding();
        chart.setPadding(new RectangleInsets(padding.getTop(), padding.getLeft(), padding.getBottom(),
                Math.max(padding.getRight(), 0.75 * font(11, false).getSize())));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(font(15, true));
            if (highContrast) {
                chart.getTitle().setPaint(text());
            }
        }
        for (Object object : chart.getSubtitles()) {
            Title title = (Title) object;
            if (title instanceof TextTitle text) {
                text.setFont(font(12, false));
                if (highContrast) {
                    text.setPaint(text());
                }
            } else if (title instanceof LegendTitle legend) {
                legend.setItemFont(font(12, false));
                if (highContrast) {
                    legend.setItemPaint(text());
                }
            }
        }
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            axisFonts(combined.getDomainAxis());
            for (XYPlot sub : combined.getSubplots()) {
                plotStyle(sub);
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plotStyle(plot);
        }
        return chart;
    }

    private void plotStyle(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        Paint grid = grid();
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            axisFonts(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axisFonts(plot.getRangeAxis(i));
        }
    }

    private void axisFonts(ValueAxis axis) {
        if (axis != null) {
            axis.setLabelFont(font(13, false));
            axis.setTickLabelFont(font(11, false));
            if (highContrast) {
                axis.setLabelPaint(text());
                axis.setTickLabelPaint(text());
                axis.setAxisLinePaint(text());
                axis.setTickMarkPaint(text());
            }
        }
    }
}
