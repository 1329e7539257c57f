package org.mpbnlab.app.membrane;

import java.util.List;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import org.mpbnlab.app.charts.SteadyToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Membrane view's two scrubbers: the time cursor over t = 1..T (with play), and the training
 * history over the recordings kept during training (with "live" to follow the newest).
 */
final class TimeAndHistoryBar {

    private TimeAndHistoryBar() {
    }

    static Node create(MembraneViewModel model, Timeline player) {
        Button back = new Button("◀");
        back.setTooltip(new Tooltip("Previous time step (←)"));
        back.setOnAction(e -> model.previousStep());
        ToggleButton playSteps = new SteadyToggleButton("Play steps", "Stop");
        playSteps.setId("play-steps");
        playSteps.setTooltip(new Tooltip("Move the time cursor through t = 1..T repeatedly"));
        playSteps.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                player.play();
            } else {
                player.stop();
            }
        });
        Button forward = new Button("▶");
        forward.setTooltip(new Tooltip("Next time step (→)"));
        forward.setOnAction(e -> model.nextStep());
        Slider cursor = new Slider(1, 1, 1);
        cursor.setId("time-cursor");
        cursor.setMajorTickUnit(1);
        cursor.setMinorTickCount(0);
        cursor.setSnapToTicks(true);
        // a tick per step, no numbers under them: T of them ran together ("12345678") in classroom fonts
        cursor.setShowTickMarks(true);
        cursor.setShowTickLabels(false);
        cursor.setPrefWidth(120);
        Label step = new Label();
        step.setId("time-step-value");
        // as wide for "t = 1 of 4" as for "t = 16 of 16": the controls after it do not move while it plays
        step.setStyle("-fx-min-width: 6.5em;");
        Runnable showStep = () -> step.setText(stepText(model.cursorProperty().get(), model.timeStepsProperty().get()));
        model.timeStepsProperty().addListener((obs, old, now) -> {
            cursor.setMax(Math.max(1, now.intValue()));
            showStep.run();
        });
        cursor.setMax(Math.max(1, model.timeStepsProperty().get()));
        cursor.valueProperty().addListener((obs, old, now) -> model.cursorProperty().set(
                (int) Math.round(now.doubleValue()) - 1));
        model.cursorProperty().addListener((obs, old, now) -> {
            cursor.setValue(now.intValue() + 1);
            showStep.run();
        });
        showStep.run();
        Label cursorLabel = new Label("Time step");

        CheckBox live = new CheckBox("live");
        live.setId("follow-live");
        live.selectedProperty().bindBidirectional(model.followLiveProperty());
        live.setTooltip(new Tooltip("Show the newest recording; untick to scrub back through training (↑ / ↓)."));
        Slider history = new Slider(0, 1, 0);
        history.setId("history-slider");
        history.setPrefWidth(120);
        history.setBlockIncrement(1);
        history.setMajorTickUnit(1);
        history.setMinorTickCount(0);
        history.setSnapToTicks(true);
        HBox.setHgrow(history, Priority.ALWAYS);
        Label iteration = new Label();
        Runnable syncHistory = () -> {
            history.setMax(Math.max(1, model.historySizeProperty().get() - 1));
            // live with one recording (or none): the 0..1 track's right end, the newest, as the label says
            boolean single = model.historySizeProperty().get() < 2;
            history.setValue(model.followLiveProperty().get() && single ? history.getMax()
                    : model.historyPositionProperty().get());
            history.setDisable(model.historySizeProperty().get() < 2);
            iteration.setText(model.followLiveProperty().get() ? "newest recording"
                    : "iteration " + model.historyIteration(model.historyIndexProperty().get()));
        };
        model.historySizeProperty().addListener((obs, old, now) -> syncHistory.run());
        model.historyIndexProperty().addListener((obs, old, now) -> syncHistory.run());
        model.historyPositionProperty().addListener((obs, old, now) -> syncHistory.run());
        model.followLiveProperty().addListener((obs, old, now) -> syncHistory.run());
        history.valueProperty().addListener((obs, old, now) -> model.scrubTo((int) Math.round(now.doubleValue())));
        syncHistory.run();
        for (Node n : List.of(back, playSteps, forward, cursor, live, history)) {
            n.setFocusTraversable(false);
        }
        HBox time = new HBox(8, cursorLabel, back, playSteps, forward, cursor, step);
        HBox training = new HBox(8, new Label("Training history"), live, history, iteration);
        HBox.setHgrow(cursor, Priority.ALWAYS);
        for (HBox group : List.of(time, training)) {
            group.setAlignment(Pos.CENTER_LEFT);
            group.setMinWidth(Region.USE_PREF_SIZE);
            for (Node child : group.getChildren()) {
                if (child instanceof Region region && !(child instanceof Slider)) {
                    region.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }
        // side by side when the window is wide enough, else the history scrubber on a line of its own
        FlowPane row = new FlowPane(16, 6, time, training);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** "t = 3 of 8" for the 0-based step {@code cursor} of {@code steps}; "t = –" before the first recording. */
    static String stepText(int cursor, int steps) {
        return steps <= 0 ? "t = –" : "t = " + (cursor + 1) + " of " + steps;
    }
}
