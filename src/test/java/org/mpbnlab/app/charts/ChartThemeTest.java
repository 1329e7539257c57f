package org.mpbnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartThemeTest {

    private static JFreeChart chart() {
        XYSeries series = new XYSeries("loss");
        series.add(0.0, 1.0);
        series.add(1.0, 0.5);
        return ChartFactory.createXYLineChart("Loss", "iteration", "loss", new XYSeriesCollection(series));
    }

    @Test
    void highContrastChartsHaveBoldBlackTextDarkerGridAndThickerLines() {
        JFreeChart chart = ChartTheme.HIGH_CONTRAST.apply(chart());
        assertTrue(chart.getTitle().getFont().isBold());
        assertTrue(chart.getXYPlot().getDomainAxis().getTickLabelFont().isBold());
        assertEquals(Color.BLACK, chart.getXYPlot().getDomainAxis().getTickLabelPaint());
        assertEquals(Color.BLACK, chart.getXYPlot().getRangeAxis().getLabelPaint());
        assertEquals(ChartTheme.HIGH_CONTRAST.grid(), chart.getXYPlot().getRangeGridlinePaint());
        float desk = ((BasicStroke) ChartTheme.DESK.line(2)).getLineWidth();
        float high = ((BasicStroke) ChartTheme.HIGH_CONTRAST.line(2)).getLineWidth();
        assertTrue(high >= 1.5f * desk, desk + " → " + high);
    }

    @Test
    void theOtherThemesKeepPlainFontsAndTheChartsOwnTextColours() {
        JFreeChart plain = chart();
        Object defaultTickPaint = plain.getXYPlot().getDomainAxis().getTickLabelPaint();
        JFreeChart chart = ChartTheme.CLASSROOM.apply(plain);
        assertFalse(chart.getXYPlot().getDomainAxis().getTickLabelFont().isBold());
        assertEquals(defaultTickPaint, chart.getXYPlot().getDomainAxis().getTickLabelPaint());
        assertEquals(Math.round(11 * 1.5), chart.getXYPlot().getDomainAxis().getTickLabelFont().getSize());
    }
}
