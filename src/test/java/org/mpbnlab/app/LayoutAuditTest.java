package org.mpbnlab.app;

import static org.mpbnlab.app.FxThread.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layout audit finds what it is meant to find, and nothing in a layout that fits. */
@ExtendWith(ApplicationExtension.class)
class LayoutAuditTest {

    private final Pane root = new Pane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 300));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void findsTextCutShortAChoiceThatDoesNotShowItsValueAndAControlOutsideTheWindow() throws Exception {
        List<String> findings = fx(() -> {
            Label fits = new Label("fits");
            fits.relocate(10, 10);
            Label cut = new Label("a label much too long for its box");
            cut.setId("cut");
            cut.setMaxWidth(60);
            cut.resize(60, 20);
            cut.relocate(10, 40);
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("choice");
            choice.getItems().setAll("cosine", "constant");
            choice.setValue("cosine");
            choice.setMaxWidth(50);
            choice.relocate(10, 80);
            Button outside = new Button("Play");
            outside.relocate(root.getScene().getWidth() - 20, 10);
            root.getChildren().setAll(fits, cut, choice, outside);
            root.applyCss();
            root.layout();
            cut.resize(60, 20);
            choice.resize(50, 30);
            root.layout();
            return LayoutAudit.audit(root);
        });
        assertEquals(3, findings.size(), String.join("\n", findings));
        assertTrue(findings.get(0).startsWith("Label#cut 'a label much too long for its box': shows 'a l"),
                findings.get(0));
        assertTrue(findings.get(1).startsWith("ComboBox#choice: its value 'cosine' shows as '"), findings.get(1));
        assertTrue(findings.get(2).startsWith("Button 'Play': is outside the visible area"), findings.get(2));
    }

    @Test
    void findsATickLabelCutOffAtTheChartsEdgeAndAPlotTooSmall() throws Exception {
        List<String> problems = fx(() -> ChartTextAudit.audit(chart(), 300, 200, 100));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("'10' is cut off at the chart's edge")),
                String.join("\n", problems));
        assertTrue(problems.stream().noneMatch(p -> p.contains("plot area")), String.join("\n", problems));
        List<String> small = fx(() -> ChartTextAudit.audit(chart(), 300, 120, 100));
        assertTrue(small.stream().anyMatch(p -> p.startsWith("the plot area is only")), String.join("\n", small));
    }

    @Test
    void findsTextsThatCoverEachOther() throws Exception {
        List<String> problems = fx(() -> {
            JFreeChart chart = chart();
            chart.getXYPlot().addAnnotation(new XYTextAnnotation("training", 5, 0.5));
            chart.getXYPlot().addAnnotation(new XYTextAnnotation("test", 5, 0.5));
            return ChartTextAudit.audit(chart, 300, 200, 0);
        });
        assertTrue(problems.contains("'training' overlaps 'test'"), String.join("\n", problems));
    }

    /** A line chart whose iteration axis ends at 10, drawn with no room right of the plot. */
    private static JFreeChart chart() {
        NumberAxis x = new NumberAxis("iteration");
        x.setRange(0, 10);
        NumberAxis y = new NumberAxis("loss");
        y.setRange(0, 1);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer());
        plot.setInsets(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
        return chart;
    }
}
