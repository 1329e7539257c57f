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

    @Test
    void findsATextOnThePlotAreasBorder() throws Exception {
        List<String> problems = fx(() -> {
            JFreeChart chart = chart();
            org.jfree.chart.plot.IntervalMarker shade = new org.jfree.chart.plot.IntervalMarker(2, 6);
            shade.setLabel("fires");
            shade.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP);
            shade.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER);
            chart.getXYPlot().addDomainMarker(shade);
            return ChartTextAudit.audit(chart, 300, 200, 0);
        });
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("'fires' sits on the plot area's border")),
                String.join("\n", problems));
    }

    @Test
    void findsAColumnHeaderBeyondItsTablesWidthAndACellCutShortUnlessTheTableScrollsByDesign() throws Exception {
        javafx.scene.control.TableView<String[]> table = fx(() -> {
            javafx.scene.control.TableView<String[]> t = new javafx.scene.control.TableView<>();
            t.setId("numbers");
            for (String header : new String[] {"layer", "spikes compared", "different (exact)"}) {
                int c = t.getColumns().size();
                javafx.scene.control.TableColumn<String[], String> column = new javafx.scene.control.TableColumn<>(header);
                column.setCellValueFactory(row -> new javafx.beans.property.ReadOnlyStringWrapper(row.getValue()[c]));
                column.setPrefWidth(c == 0 ? 60 : 140);
                t.getColumns().add(column);
            }
            t.getItems().add(new String[] {"LIF 1 of a long name", "1,024,000", "0"});
            t.setPrefSize(250, 120);
            root.getChildren().setAll(t);
            root.applyCss();
            root.layout();
            return t;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> findings = fx(() -> {
            root.layout();
            table.layout();
            return LayoutAudit.audit(root);
        });
        assertTrue(findings.stream().anyMatch(f -> f.contains("'different (exact)': is outside the visible area")),
                String.join("\n", findings));
        assertTrue(findings.stream().anyMatch(f -> f.contains("'LIF 1 of a long name': shows 'LIF")),
                String.join("\n", findings));
        List<String> byDesign = fx(() -> LayoutAudit.audit(root, List.of("numbers")));
        assertTrue(byDesign.stream().noneMatch(f -> f.contains("different (exact)")), String.join("\n", byDesign));
        assertTrue(byDesign.stream().anyMatch(f -> f.contains("'LIF 1 of a long name': shows 'LIF")),
                "a cell cut short is found in any table: " + String.join("\n", byDesign));
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
