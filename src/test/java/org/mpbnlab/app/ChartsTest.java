package org.mpbnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.MembraneQuantity;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.session.MetricCurve;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.MpbnMode;

class ChartsTest {

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
        assertEquals("u_pre count", parts.get(0).getRangeAxis().getLabel());
        assertEquals("û count", parts.get(1).getRangeAxis().getLabel());
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
        assertEquals(frame.layers().get(0).normalization().thresholdOnMembrane(1, 3, 0.5), folded, 0.0);
        XYPlot top = ((CombinedDomainXYPlot) HistogramPairChart.create(one, 1, ChartTheme.DESK).getPlot())
                .getSubplots().get(0);
        assertEquals(2, top.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        assertTrue(one.cursorSummary().contains("Ṽ = "), one.cursorSummary());
    }

    @Test
    void withMpbnOffOnlyUPreIsDrawn() {
        JFreeChart chart = HistogramPairChart.create(figure(MpbnMode.OFF), 0, ChartTheme.DESK);
        assertEquals(1, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().size());
    }

    @Test
    void theComparisonChartHasOneLegendEntryPerRunAndBothCurvesOfEach() {
        TrainingCurves curves = new TrainingCurves(new MetricCurve("train loss", new long[] {1, 2}, new double[] {2, 1}),
                new MetricCurve("train accuracy", new long[] {1, 2}, new double[] {0.1, 0.5}),
                new MetricCurve("test loss", new long[] {0, 2}, new double[] {2.3, 1.2}),
                new MetricCurve("test accuracy", new long[] {0, 2}, new double[] {0.1, 0.4}), List.of());
        JFreeChart chart = TrainingCharts.comparison(TrainingCharts.Metric.ACCURACY,
                List.of(new RunCurves(1, "#1 MPBN off", curves), new RunCurves(2, "#2 MPBN channel", curves)),
                "glyphs", ChartTheme.CLASSROOM);
        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getLegendItems().getItemCount());
        assertEquals("#2 MPBN channel", plot.getLegendItems().get(1).getLabel());
        assertEquals(4, plot.getDataset().getSeriesCount());
        assertEquals(40.0, plot.getDataset().getYValue(1, 1), 1e-9, "test accuracy in percent");
        assertEquals((int) Math.round(15 * 1.5), chart.getTitle().getFont().getSize(), "classroom fonts are larger");
    }

    @Test
    void longCurvesAreThinnedToAFewHundredPointsKeepingTheNewest() {
        int n = 4000;
        long[] iterations = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            iterations[i] = i + 1;
            values[i] = 1.0 / (i + 1);
        }
        MetricCurve curve = new MetricCurve("loss", iterations, values);
        TrainingCurves curves = new TrainingCurves(curve, curve, curve, curve, List.of());
        XYPlot plot = TrainingCharts.comparison(TrainingCharts.Metric.LOSS, List.of(new RunCurves(1, "#1", curves)),
                "", ChartTheme.DESK).getXYPlot();
        for (int s = 0; s < 2; s++) {
            int count = plot.getDataset().getItemCount(s);
            assertTrue(count <= TrainingCharts.MAX_POINTS + 1, "points drawn: " + count);
            assertEquals(n, plot.getDataset().getXValue(s, count - 1), 0.0);
        }
    }

    @Test
    void exportsPngAndSvgWithoutLeavingTemporaryFiles(@TempDir Path folder) throws Exception {
        JFreeChart chart = HistogramPairChart.create(figure(MpbnMode.ELEMENT), 0, ChartTheme.DESK);
        Path png = folder.resolve("t1.png");
        Path svg = folder.resolve("t1.svg");
        ChartExport.png(chart, 400, 300, png);
        ChartExport.svg(chart, 400, 300, svg);
        byte[] header = Files.readAllBytes(png);
        assertEquals((byte) 0x89, header[0]);
        assertEquals('P', header[1]);
        String document = Files.readString(svg);
        assertTrue(document.startsWith("<?xml") || document.startsWith("<svg"), document.substring(0, 20));
        assertTrue(document.contains("t = 1"));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count());
        }
    }
}
