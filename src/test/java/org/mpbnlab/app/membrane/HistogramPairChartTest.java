package org.mpbnlab.app.membrane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.probe.Histogram;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.MembraneQuantity;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.snn.MpbnMode;

class HistogramPairChartTest {

    private static MembraneFigure figure(MpbnMode mode) {
        ProbeFrame frame = ProbeFrames.conv(2, mode, 5, 1);
        return new MembraneFigure(frame, frame.layers().get(0), LayerProbe.ALL_CHANNELS, 0, true);
    }

    @Test
    void aStepChartHasUPreAboveUHatWithTheThresholdAndTheSummaries() {
        MembraneFigure figure = figure(MpbnMode.CHANNEL);
        JFreeChart chart = HistogramPairChart.create(figure, 1, ChartTheme.DESK);
        assertEquals("t = 2", chart.getTitle().getText());
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        List<XYPlot> parts = plot.getSubplots();
        assertEquals(2, parts.size());
        // one "count" per chart, on the lower plot: two labels side by side read "count count" on a projector
        assertEquals(null, parts.get(0).getRangeAxis().getLabel());
        assertEquals("count", parts.get(1).getRangeAxis().getLabel());
        // the plots stand a tick label's height apart, so the upper "0" and the lower top tick cannot overlap
        assertTrue(plot.getGap() >= ChartTheme.DESK.font(11, false).getSize(), "gap " + plot.getGap());
        ChartTheme classroom = ChartTheme.CLASSROOM;
        double classroomGap = ((CombinedDomainXYPlot) HistogramPairChart.create(figure, 1, classroom).getPlot()).getGap();
        assertTrue(classroomGap >= classroom.font(11, false).getSize(), "classroom gap " + classroomGap);
        Object marker = parts.get(0).getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(0.5, ((org.jfree.chart.plot.ValueMarker) marker).getValue(), 0.0);
        assertEquals(figure.layer().membraneRange().lower(), plot.getDomainAxis().getLowerBound(), 1e-12);
        assertEquals(parts.get(0).getRangeAxis().getUpperBound(), parts.get(1).getRangeAxis().getUpperBound());
        int total = 0;
        for (int k = 0; k < parts.get(1).getDataset().getItemCount(0); k++) {
            total += parts.get(1).getDataset().getY(0, k).intValue();
        }
        assertEquals(figure.histogram(MembraneQuantity.AFTER_NORM, 1).count(), total);
        String summary = HistogramPairChart.summaryText(figure.histogram(MembraneQuantity.AFTER_NORM, 1),
                MembraneQuantity.AFTER_NORM, figure, 1);
        assertTrue(summary.startsWith("û  μ "), summary);
        assertTrue(summary.contains("% > V_th = 0.5: fire"), summary);
    }

    @Test
    void oneChannelWithChannelMpbnAlsoShowsTheThresholdOnUPre() {
        ProbeFrame frame = ProbeFrames.conv(2, MpbnMode.CHANNEL, 5, 1);
        MembraneFigure all = new MembraneFigure(frame, frame.layers().get(0), LayerProbe.ALL_CHANNELS, 0, true);
        assertTrue(Double.isNaN(all.thresholdOnMembrane(0)));
        MembraneFigure one = new MembraneFigure(frame, frame.layers().get(0), 3, 0, true);
        double folded = one.thresholdOnMembrane(1);
        assertEquals(frame.layers().get(0).normalization().thresholdOnMembrane(1, 3), folded, 0.0);
        XYPlot top = ((CombinedDomainXYPlot) HistogramPairChart.create(one, 1, ChartTheme.DESK).getPlot())
                .getSubplots().get(0);
        assertEquals(2, top.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        assertTrue(one.cursorSummary().contains("Ṽ = "), one.cursorSummary());
        // the share past Ṽ is also in the line under the charts, which stays when the histograms drop their numbers
        MembraneFigure atStep2 = new MembraneFigure(frame, frame.layers().get(0), 3, 1, true);
        String share = String.format(java.util.Locale.ROOT, "%.1f%% of u_pre %s Ṽ = ", 100 * atStep2.fractionPastThreshold(1),
                atStep2.firesBelowThreshold() ? "<" : ">");
        assertTrue(atStep2.cursorSummary().contains(share), atStep2.cursorSummary());
    }

    @Test
    void theUPrePanelOfAChannelGivesTheSharePastTheFoldedThresholdWhichIsTheFiringShare() {
        ProbeFrame frame = ProbeFrames.conv(3, MpbnMode.CHANNEL, 5, 2);
        LayerProbe layer = frame.layers().get(0);
        for (int c = 0; c < layer.channels(); c++) {
            MembraneFigure one = new MembraneFigure(frame, layer, c, 0, true);
            for (int t = 0; t < 3; t++) {
                double past = one.fractionPastThreshold(t);
                Histogram uHat = one.histogram(MembraneQuantity.AFTER_NORM, t);
                assertEquals(uHat.fractionAbove(), past, 0.0, "channel " + c + " step " + t);
                String upper = HistogramPairChart.summaryText(one.histogram(MembraneQuantity.BEFORE_NORM, t),
                        MembraneQuantity.BEFORE_NORM, one, t);
                String share = String.format(java.util.Locale.ROOT, "%.1f%% %s Ṽ", 100 * past,
                        one.firesBelowThreshold() ? "<" : ">");
                assertTrue(upper.contains(share), upper);
                String lower = HistogramPairChart.summaryText(uHat, MembraneQuantity.AFTER_NORM, one, t);
                assertTrue(lower.contains(String.format(java.util.Locale.ROOT, "%.1f%% > V_th", 100 * past)), lower);
            }
        }
    }

    @Test
    void withMpbnOffOnlyUPreIsDrawn() {
        JFreeChart chart = HistogramPairChart.create(figure(MpbnMode.OFF), 0, ChartTheme.DESK);
        List<XYPlot> parts = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        assertEquals(1, parts.size());
        assertEquals("count", parts.get(0).getRangeAxis().getLabel());
    }

    /**
     * Every panel decides whether its numbers fit from one text, the widest any panel of the figure can have: in
     * classroom fonts one panel kept its numbers over the bars while the seven others, with a minus sign or a longer
     * share, had none. That text is at least as wide, line for line in the panels' font, and as tall as every panel's.
     */
    @Test
    void theTextThatDecidesWhetherNumbersFitIsAtLeastAsLargeAsEveryPanels() {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_ARGB)
                .createGraphics();
        java.awt.FontMetrics metrics = g.getFontMetrics(ChartTheme.CLASSROOM.font(11, false));
        ProbeFrame frame = ProbeFrames.conv(3, MpbnMode.CHANNEL, 5, 2);
        for (int channel : new int[] {LayerProbe.ALL_CHANNELS, 0, 1, 2}) {
            MembraneFigure figure = new MembraneFigure(frame, frame.layers().get(0), channel, 0, true);
            String[] widest = HistogramPairChart.widestSummaryText(figure).split("\\R");
            int widestLine = java.util.Arrays.stream(widest).mapToInt(metrics::stringWidth).max().orElse(0);
            for (int t = 0; t < figure.timeSteps(); t++) {
                for (MembraneQuantity quantity : new MembraneQuantity[] {MembraneQuantity.BEFORE_NORM,
                        MembraneQuantity.AFTER_NORM}) {
                    String[] lines = HistogramPairChart.summaryText(figure.histogram(quantity, t), quantity, figure, t)
                            .split("\\R");
                    assertTrue(lines.length <= widest.length, "channel " + channel + " t " + t + " " + quantity);
                    for (String line : lines) {
                        assertTrue(metrics.stringWidth(line) <= widestLine, "'" + line + "' is wider than the widest");
                    }
                }
            }
        }
        g.dispose();
    }

    /** A mean of −0.002 reads "μ 0.00" on the panel, not "μ -0.00" (a class asks what minus zero is). */
    @Test
    void aValueThatRoundsToZeroHasNoMinusSign() {
        assertEquals("0.00", HistogramPairChart.twoPlaces(-0.002));
        assertEquals("0.00", HistogramPairChart.twoPlaces(-0.0));
        assertEquals("-0.01", HistogramPairChart.twoPlaces(-0.006));
        assertEquals("0.31", HistogramPairChart.twoPlaces(0.306));
    }

    @Test
    void theNumbersOnAHistogramAreDrawnOnlyWhereTheyFitUnwrappedInTheUpperHalf() {
        org.jfree.chart.title.TextTitle summary = new org.jfree.chart.title.TextTitle(
                "u_pre  μ 0.00  σ 1.02\n30.2% > V_th = 0.5", new java.awt.Font(java.awt.Font.SANS_SERIF,
                java.awt.Font.PLAIN, 16));
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(10, 10,
                java.awt.image.BufferedImage.TYPE_INT_ARGB).createGraphics();
        assertTrue(SummaryBox.fits(g2, summary, new java.awt.geom.Rectangle2D.Double(0, 0, 600, 300)));
        assertFalse(SummaryBox.fits(g2, summary, new java.awt.geom.Rectangle2D.Double(0, 0, 120, 300)),
                "too narrow: the text would wrap over the bars");
        assertFalse(SummaryBox.fits(g2, summary, new java.awt.geom.Rectangle2D.Double(0, 0, 600, 60)),
                "too low: the text would cover most of the bars");
        g2.dispose();
    }

    /**
     * The panels of a figure a pixel apart in width (a grid whose width does not divide evenly) all show their numbers
     * or none do: at 1024 × 768 in normal fonts the widest numbers sat right at the limit, and t = 1 and 3 showed
     * their boxes while t = 2 and 4 did not. Every panel decides on the figure's smallest panel.
     */
    @Test
    void panelsAPixelApartAllShowTheirNumbersOrNoneDo() {
        MembraneFigure figure = figure(MpbnMode.CHANNEL);
        double height = 400;
        int width = 120;
        while (!showsNumbers(HistogramPairChart.create(figure, 0, ChartTheme.DESK), width, height)) {
            width++;
            assertTrue(width < 1000, "no width shows the numbers");
        }
        // on its own, a panel one pixel narrower shows none
        assertFalse(showsNumbers(HistogramPairChart.create(figure, 0, ChartTheme.DESK), width - 1, height));
        SmallestPanel smallest = new SmallestPanel();
        smallest.set(width - 1, height);
        for (int t = 0; t < figure.timeSteps(); t++) {
            assertFalse(showsNumbers(HistogramPairChart.create(figure, t, ChartTheme.DESK, smallest),
                    width - 1 + t % 2, height), "t = " + (t + 1) + " beside a panel too small for its numbers");
        }
        smallest.set(width, height);
        for (int t = 0; t < figure.timeSteps(); t++) {
            assertTrue(showsNumbers(HistogramPairChart.create(figure, t, ChartTheme.DESK, smallest),
                    width + t % 2, height), "t = " + (t + 1) + " when the smallest panel has room");
        }
    }

    /** True when {@code chart}, drawn as a panel of {@code width × height}, writes its numbers (μ) on a plot. */
    private static boolean showsNumbers(JFreeChart chart, double width, double height) {
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage((int) width, (int) height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        org.mpbnlab.app.TextRecordingGraphics g = new org.mpbnlab.app.TextRecordingGraphics(page.createGraphics());
        org.mpbnlab.app.charts.ChartPane.drawChart(g, chart, width, height);
        g.dispose();
        return g.drawn().stream().anyMatch(text -> text.text() != null && text.text().contains("μ"));
    }
}
