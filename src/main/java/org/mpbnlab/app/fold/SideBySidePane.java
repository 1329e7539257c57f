package org.mpbnlab.app.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.mpbnlab.app.spikes.SpikeRasterCanvas;

/**
 * The MPBN network (left) and the folded or deployable network (right) on one test sample, their rasters
 * animated together by one time cursor (the Spikes view's {@link SpikeRasterCanvas}), spikes that differ marked
 * in orange in both, the logits of both after each step, and the counter "spikes compared / different".
 */
final class SideBySidePane {

    private final SideBySideViewModel model;
    private final BorderPane root = new BorderPane();
    private final GridPane rasters = new GridPane();
    private final List<SpikeRasterCanvas[]> canvases = new ArrayList<>();
    private final Label counter = new Label();
    private final Label stepLabel = new Label();
    private final Label predictions = new Label();
    private final Label explanation = new Label();
    private final Label rightTitle = new Label();
    private final TableView<String[]> logits = CheckAllPane.table("side-logits", "class", "MPBN", "right");
    private final VBox side = new VBox(6);
    private final Timeline player = new Timeline(new KeyFrame(Duration.millis(600), e -> advance()));

    SideBySidePane(SideBySideViewModel model) {
        this.model = model;
        Spinner<Integer> sample = new Spinner<>(0, 1_000_000, 0);
        sample.setId("side-sample");
        sample.setEditable(true);
        SpinnerFit.toLargestValue(sample);
        sample.valueProperty().addListener((obs, old, now) -> model.sampleProperty().set(now));
        ComboBox<SideBySideViewModel.Right> right = new ComboBox<>(
                FXCollections.observableArrayList(SideBySideViewModel.Right.values()));
        right.setId("side-right");
        right.valueProperty().bindBidirectional(model.rightProperty());
        Button play = new Button("Play");
        play.setId("side-play");
        play.setOnAction(e -> {
            if (model.stepProperty().get() >= lastStep()) {
                model.stepProperty().set(0);
            }
            model.playingProperty().set(!model.playingProperty().get());
        });
        play.textProperty().bind(javafx.beans.binding.Bindings.when(model.playingProperty()).then("Pause")
                .otherwise("Play"));
        Button back = new Button("◀ step");
        back.setOnAction(e -> model.stepProperty().set(Math.max(0, model.stepProperty().get() - 1)));
        Button forward = new Button("step ▶");
        forward.setId("side-step");
        forward.setOnAction(e -> model.advance());
        counter.setId("side-counter");
        counter.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        counter.setWrapText(true);
        counter.setMinHeight(Region.USE_PREF_SIZE);
        // three groups that wrap as wholes when the window is narrow, none of them cut
        FlowPane buttons = new FlowPane(16, 6, group(new Label("test sample"), sample),
                group(new Label("right:"), right), group(play, back, forward, stepLabel));
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox controls = new VBox(4, buttons, counter);
        controls.setPadding(new Insets(6));
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            rasters.getColumnConstraints().add(half);
        }
        rasters.setHgap(12);
        rasters.setVgap(6);
        rasters.setPadding(new Insets(0, 6, 0, 6));
        Label leftTitle = new Label("MPBN network, evaluation mode");
        for (Label title : new Label[] {leftTitle, rightTitle}) {
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
        }
        leftTitle.setStyle("-fx-font-weight: bold;");
        rightTitle.setStyle("-fx-font-weight: bold;");
        rightTitle.setId("side-right-title");
        predictions.setWrapText(true);
        predictions.setId("side-predictions");
        predictions.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explanation.setWrapText(true);
        explanation.setId("side-explanation");
        side.getChildren().setAll(logits, predictions);
        side.setPrefWidth(300);
        // as wide as the class names and two columns of 5-decimal values in the font in use (wider in classroom)
        predictions.fontProperty().addListener((obs, old, now) -> fitLogits());
        VBox.setVgrow(logits, Priority.ALWAYS);
        BorderPane centre = new BorderPane(rasters);
        HBox titles = new HBox(leftTitle, rightTitle);
        HBox.setHgrow(leftTitle, Priority.ALWAYS);
        leftTitle.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(rightTitle, Priority.ALWAYS);
        rightTitle.setMaxWidth(Double.MAX_VALUE);
        titles.setPadding(new Insets(0, 6, 0, 6));
        centre.setTop(titles);
        root.setTop(controls);
        root.setCenter(centre);
        root.setRight(side);
        root.setBottom(explanation);
        BorderPane.setMargin(explanation, new Insets(6));
        BorderPane.setMargin(side, new Insets(0, 6, 6, 0));
        player.setCycleCount(Timeline.INDEFINITE);
        model.playingProperty().addListener((obs, old, now) -> {
            if (now) {
                player.play();
            } else {
                player.stop();
            }
        });
        model.pairProperty().addListener((obs, old, now) -> showPair(now));
        model.stepProperty().addListener((obs, old, now) -> showStep());
    }

    /** A row of controls that stays whole: never narrower than its controls' full text. */
    private static HBox group(javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Label || n instanceof Button) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox box = new HBox(8, nodes);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private void advance() {
        model.advance();
    }

    private int lastStep() {
        SideBySideViewModel.Pair p = model.pairProperty().get();
        return p == null ? 0 : p.left().timeSteps() - 1;
    }

    private void showPair(SideBySideViewModel.Pair pair) {
        rasters.getChildren().clear();
        canvases.clear();
        if (pair == null) {
            return;
        }
        rightTitle.setText(pair.rightName() + " network");
        for (int l = 0; l < pair.left().layers().size(); l++) {
            SpikeRasterCanvas left = new SpikeRasterCanvas(SpikeRasterCanvas.Layout.NEURONS_BY_STEP);
            SpikeRasterCanvas right = new SpikeRasterCanvas(SpikeRasterCanvas.Layout.NEURONS_BY_STEP);
            for (SpikeRasterCanvas canvas : new SpikeRasterCanvas[] {left, right}) {
                canvas.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                canvas.setPrefSize(300, 160);
            }
            left.setId("side-left-raster-" + l);
            right.setId("side-right-raster-" + l);
            left.setLayer(pair.left().layers().get(l), 0);
            right.setLayer(pair.right().layers().get(l), 0);
            left.setMarks(pair.comparison().differences().get(l));
            right.setMarks(pair.comparison().differences().get(l));
            Label name = new Label(pair.left().layers().get(l).description());
            name.setMinHeight(Region.USE_PREF_SIZE);
            rasters.add(name, 0, 2 * l, 2, 1);
            rasters.add(left, 0, 2 * l + 1);
            rasters.add(right, 1, 2 * l + 1);
            GridPane.setHgrow(left, Priority.ALWAYS);
            GridPane.setHgrow(right, Priority.ALWAYS);
            GridPane.setVgrow(left, Priority.ALWAYS);
            GridPane.setVgrow(right, Priority.ALWAYS);
            canvases.add(new SpikeRasterCanvas[] {left, right});
        }
        explanation.setText(model.explanation());
        fitLogits();
        showStep();
    }

    /** The logits' columns as wide as their widest value at any step, the column beside them as wide as the table. */
    private void fitLogits() {
        SideBySideViewModel.Pair pair = model.pairProperty().get();
        if (pair == null) {
            return;
        }
        List<String[]> everyStep = new ArrayList<>();
        for (int t = 0; t < pair.left().timeSteps(); t++) {
            everyStep.addAll(model.logitRows(t));
        }
        double size = predictions.getFont().getSize();
        double columns = TableFit.fitColumns(logits, everyStep, size);
        // room for the vertical scroll bar when the rows do not all fit
        side.setPrefWidth(Math.max(300, columns + size + 8));
    }

    private void showStep() {
        SideBySideViewModel.Pair pair = model.pairProperty().get();
        if (pair == null) {
            return;
        }
        int t = Math.min(model.stepProperty().get(), pair.left().timeSteps() - 1);
        for (SpikeRasterCanvas[] both : canvases) {
            both[0].setTimeStep(t);
            both[1].setTimeStep(t);
        }
        stepLabel.setText(String.format(Locale.ROOT, "t = %d of %d", t + 1, pair.left().timeSteps()));
        counter.setText(model.counter());
        counter.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold; -fx-text-fill: "
                + (model.differentSoFar() == 0 ? "#1b7f3b;" : "#c05000;"));
        logits.setItems(FXCollections.observableArrayList(model.logitRows()));
        predictions.setText(model.predictions());
    }

    BorderPane root() {
        return root;
    }
}
