package org.mpbnlab.app.fold;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.snn.MpbnMode;

/** The folded thresholds of one layer: bars per channel (or dense neuron), a heat map per neuron of a conv layer. */
final class ThresholdsPane {

    private final FoldViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final ChartPane chart;
    private final ComboBox<String> layer = new ComboBox<>();
    private final Spinner<Integer> step = new Spinner<>(1, 1, 1);
    private final Label explanation = new Label();

    ThresholdsPane(FoldViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        chart = new ChartPane(context, "folded-thresholds");
        chart.setId("fold-threshold-chart");
        layer.setId("fold-layer");
        step.setId("fold-step");
        explanation.setWrapText(true);
        explanation.setId("fold-explanation");
        Label layerLabel = new Label("Layer");
        Label stepLabel = new Label("time step (per-step statistics)");
        for (Label label : new Label[] {layerLabel, stepLabel}) {
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox layerGroup = new HBox(8, layerLabel, layer);
        HBox stepGroup = new HBox(8, stepLabel, step);
        layerGroup.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        stepGroup.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(16, 6, layerGroup, stepGroup);
        controls.setPadding(new Insets(6));
        root.setTop(controls);
        root.setCenter(chart);
        root.setBottom(explanation);
        BorderPane.setMargin(explanation, new Insets(6));
        HBox.setHgrow(layer, Priority.NEVER);
        model.layers().addListener((ListChangeListener<ThresholdLayer>) change -> {
            layer.getItems().setAll(model.layers().stream().map(ThresholdLayer::description).toList());
            layer.getSelectionModel().select(0);
            redraw();
        });
        layer.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                model.selectedLayerProperty().set(now.intValue());
            }
        });
        step.valueProperty().addListener((obs, old, now) -> model.selectedSetProperty().set(now - 1));
        model.selectedLayerProperty().addListener((obs, old, now) -> redraw());
        model.selectedSetProperty().addListener((obs, old, now) -> redraw());
        context.themeProperty().addListener((obs, old, now) -> redraw());
        chart.setExplanation("Fold a model to see its thresholds.");
    }

    private void redraw() {
        ThresholdLayer shown = model.selected();
        if (shown == null) {
            return;
        }
        int sets = shown.sets();
        ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) step.getValueFactory()).setMax(sets);
        step.setDisable(sets == 1);
        int set = Math.min(model.selectedSetProperty().get(), sets - 1);
        ChartTheme theme = context.themeProperty().get();
        boolean map = shown.mode() == MpbnMode.ELEMENT && shown.shape().length == 3;
        chart.show(() -> map ? FoldCharts.thresholdMap(shown, set, theme) : FoldCharts.thresholdBars(shown, set, theme));
        chart.setExplanation("Hover a bar or cell: its Ṽ, its comparison, γ and β.");
        explanation.setText(shown.explanation());
    }

    BorderPane root() {
        return root;
    }
}
