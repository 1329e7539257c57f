package org.mpbnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A chart on a tab that is not shown is not drawn (it would take the CPU from the shown view) until it shows. */
@ExtendWith(ApplicationExtension.class)
class HiddenChartUiTest {

    private final ChartRenderer renderer = new ChartRenderer();
    private final AtomicInteger drawings = new AtomicInteger();
    private TabPane tabs;
    private ChartPane chart;

    @Start
    void start(Stage stage) {
        ViewContext context = new ViewContext(renderer);
        context.swaps().start();
        chart = new ChartPane(context, "test");
        tabs = new TabPane(new Tab("shown", new Label("the view in front")), new Tab("hidden", chart));
        stage.setScene(new Scene(tabs, 600, 400));
        stage.show();
    }

    @AfterEach
    void stopRenderer() {
        renderer.close();
    }

    private JFreeChart recipe() {
        drawings.incrementAndGet();
        return ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection());
    }

    @Test
    void aChartOnAHiddenTabIsDrawnOnlyWhenItsTabIsShown() throws Exception {
        assertTrue(fx(() -> {
            chart.show(this::recipe);
            return chart.waitsToBeShown();
        }), "a hidden chart was sent to the renderer");
        assertEquals(0, drawings.get());
        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        await(() -> chart.hasImage() && !chart.waitsToBeShown());
        assertEquals(1, drawings.get());
    }
}
