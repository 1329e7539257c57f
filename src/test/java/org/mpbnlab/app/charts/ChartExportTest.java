package org.mpbnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportTest {

    @Test
    void exportsPngAndSvgWithoutLeavingTemporaryFiles(@TempDir Path folder) throws Exception {
        XYSeries series = new XYSeries("u_pre");
        series.add(0.0, 1.0);
        series.add(1.0, 2.0);
        JFreeChart chart = ChartFactory.createXYLineChart("t = 1", "u", "count", new XYSeriesCollection(series));
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
