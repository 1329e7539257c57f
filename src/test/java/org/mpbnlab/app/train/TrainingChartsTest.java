package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.session.MetricCurve;
import org.mpbnlab.session.TrainingCurves;

class TrainingChartsTest {

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

    /**
     * Issue 11 (tester, S3): run #9 had run #1's dark blue. Past the palette's eight colours a run keeps a colour but
     * draws its curves (and its legend line) dashed, so that it is told apart from the run of the same colour.
     */
    @Test
    void runsBeyondThePaletteAreDrawnDashed() {
        TrainingCurves curves = new TrainingCurves(new MetricCurve("train loss", new long[] {1, 2}, new double[] {2, 1}),
                new MetricCurve("train accuracy", new long[] {1, 2}, new double[] {0.1, 0.5}),
                new MetricCurve("test loss", new long[] {0, 2}, new double[] {2.3, 1.2}),
                new MetricCurve("test accuracy", new long[] {0, 2}, new double[] {0.1, 0.4}), List.of());
        List<RunCurves> runs = new java.util.ArrayList<>();
        for (int number = 1; number <= 9; number++) {
            runs.add(new RunCurves(number, "#" + number, curves));
        }
        for (ChartTheme theme : List.of(ChartTheme.DESK, ChartTheme.CLASSROOM, ChartTheme.HIGH_CONTRAST)) {
            XYPlot plot = TrainingCharts.comparison(TrainingCharts.Metric.LOSS, runs, "", theme).getXYPlot();
            org.jfree.chart.renderer.xy.XYItemRenderer renderer = plot.getRenderer();
            for (int s = 0; s < 2; s++) {
                assertEquals(((java.awt.Color) renderer.getSeriesPaint(s)).getRGB() & 0xFFFFFF,
                        ((java.awt.Color) renderer.getSeriesPaint(16 + s)).getRGB()
                        & 0xFFFFFF, "run #9 has run #1's colour");
                assertEquals(null, ((java.awt.BasicStroke) renderer.getSeriesStroke(s)).getDashArray(), "run #1 solid");
                assertTrue(((java.awt.BasicStroke) renderer.getSeriesStroke(16 + s)).getDashArray().length > 0,
                        "run #9 dashed");
            }
            assertTrue(((java.awt.BasicStroke) plot.getLegendItems().get(8).getLineStroke()).getDashArray().length > 0,
                    "run #9's legend line is dashed too");
        }
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

    /** Issue 11 T2: before any data the firing-rate axis is on the percent scale its title names, 0–100. */
    @Test
    void theEmptyFiringRateAxisIsInPercent() {
        XYPlot plot = TrainingCharts.firingRates(null, ChartTheme.DESK).getXYPlot();
        plot.getRangeAxis().configure();
        assertEquals("firing rate (%)", plot.getRangeAxis().getLabel());
        assertEquals(0, plot.getRangeAxis().getRange().getLowerBound(), 0.0);
        double top = plot.getRangeAxis().getRange().getUpperBound();
        assertTrue(top >= 100 && top <= 110, "0 to 100 % (and the axis's margin), not 0 to 1: " + top);
    }
}
