package org.mpbnlab.app.spikes;

import org.mpbnlab.app.FxThread;
import static org.mpbnlab.app.FxThread.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.shell.AppContext;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.probe.LayerRecording;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Spikes tab in the whole window, headless: pick a sample, play, the raster fills step by step, pause,
 * click a neuron, its trace appears with a spike marker where the raster has one.
 */
@ExtendWith(ApplicationExtension.class)
class SpikesViewUiTest {

    private static final int STEPS = 6;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        RegistryDataCatalog catalog = RegistryDataCatalog.standard();
        RunSettings tiny = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs").with(SettingsTable.ARCH, "mlp")
                .with(SettingsTable.TIME_STEPS, STEPS).with(SettingsTable.BATCH, 32).with(SettingsTable.EPOCHS, 1)
                .with(SettingsTable.SEED, 5L).with(SettingsTable.TRAIN_SAMPLES, 320).with(SettingsTable.TEST_SAMPLES, 64);
        window = new MainWindow(new AppContext(catalog, SessionFactory.of(catalog, new SessionPacing(50, 0, 5, 64, 1, 0)),
                RunPlan.fromRandomWeights(tiny), Platform::runLater, org.mpbnlab.app.shell.AppTheme.NORMAL));
        window.show(stage);
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.fx(() -> {
            window.close();
            return true;
        });
    }

    @Test
    void pickPlayPauseAndClickANeuronToSeeItsSpikesInItsTrace(FxRobot robot) throws Exception {
        SpikesView view = window.spikesView();
        SpikesViewModel model = view.model();
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        robot.clickOn("#spikes-tab");
        await(() -> recordingShown() && !model.gallery().isEmpty());

        robot.clickOn("#sample-3");
        await(() -> recordingShown() && model.recordingProperty().get().sampleIndices()[0] == 3);
        assertEquals(0, (int) FxThread.fx(() -> model.player().cursor().step()), "the cursor is at step 1");
        FxThread.fx(() -> {
            model.player().speedProperty().set(0.5);
            return true;
        });
        List<Integer> drawnSteps = new CopyOnWriteArrayList<>();
        FxThread.fx(() -> {
            model.player().cursor().stepProperty().addListener((obs, old, now) -> drawnSteps.add(view.raster(0).timeStep()));
            return true;
        });
        double scrubBefore = scrubLeft(robot);
        robot.clickOn("#spikes-play");
        await(() -> drawnSteps.size() >= 2);
        // Play turned into Pause without moving the scrub slider beside it (issue 11: it shifted ~20 px)
        assertEquals("Pause", FxThread.fx(() -> robot.lookup("#spikes-play").queryAs(ToggleButton.class).getText()));
        assertEquals(scrubBefore, scrubLeft(robot), 0.5, "the scrub slider moved when Play became Pause");
        // playing the 6 steps at half a step per second takes 10 s; the pause comes after the second
        robot.clickOn("#spikes-play");
        await(() -> !model.player().playingProperty().get());
        assertTrue(drawnSteps.size() < STEPS - 1, "paused before the end");
        int paused = FxThread.fx(() -> model.player().cursor().step());
        assertTrue(paused >= 2, "played at least two steps");
        for (int i = 0; i < drawnSteps.size(); i++) {
            assertEquals(i + 1, (int) drawnSteps.get(i), "the raster is drawn up to each step in turn");
        }
        assertEquals(paused, (int) FxThread.fx(() -> view.raster(0).timeStep()));

        Recording recording = FxThread.fx(() -> model.recordingProperty().get());
        LayerRecording first = recording.layers().get(0);
        int spiking = -1;
        for (int n = 0; n < first.neurons() && spiking < 0; n++) {
            if (first.spiked(paused, 0, n)) {
                spiking = n;
            }
        }
        assertTrue(spiking >= 0, "some neuron of LIF 1 spikes at step " + (paused + 1));
        double[] centre = fx(view.raster(0)::centreOf, spiking);
        robot.moveTo(view.raster(0), Pos.TOP_LEFT, new Point2D(centre[0], centre[1]), Motion.DIRECT)
                .clickOn(MouseButton.PRIMARY);
        await(() -> !model.traces().isEmpty());
        TracedNeuron traced = FxThread.fx(() -> model.traces().get(0));
        assertEquals(0, traced.layer());
        assertTrue(first.spiked(paused, 0, traced.neuron()), "the clicked cell of the raster holds a spike");
        List<TraceChart.SpikeMarker> markers = FxThread.fx(() -> view.traceChart().markers());
        assertTrue(markers.contains(new TraceChart.SpikeMarker(0, traced.neuron(), paused)),
                "the trace marks the spike the raster shows: " + markers);
        for (TraceChart.SpikeMarker marker : markers) {
            assertTrue(first.spiked(marker.step(), 0, marker.neuron()), "every marker is a recorded spike");
        }
        // the y axis writes the thresholds a student compares u_pre and û with
        List<String> yLabels = FxThread.fx(() -> view.traceChart().yLabels());
        assertEquals(String.format(java.util.Locale.ROOT, "V_th %.2f", recording.threshold()), yLabels.get(0), yLabels.toString());
        assertTrue(yLabels.size() >= 2, "the thresholds and the axis' ends: " + yLabels);
        assertFalse(FxThread.fx(() -> model.player().playingProperty().get()));
    }

    @Test
    void newWeightsUpdateTheGalleryTilesInPlace(FxRobot robot) throws Exception {
        SpikesViewModel model = window.spikesView().model();
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        robot.clickOn("#spikes-tab");
        await(() -> recordingShown() && !model.gallery().isEmpty());
        // the tiles are made a few dozen per pulse: wait for all of them
        await(() -> tiles().size() == model.gallery().size());
        javafx.scene.Node third = FxThread.fx(() -> robot.lookup("#sample-3").query());
        Recording before = FxThread.fx(() -> model.recordingProperty().get());

        robot.clickOn("#spikes-refresh");
        await(() -> recordingShown() && model.recordingProperty().get() != before);
        // new answers are told a few tiles per pulse: wait until every tile shows its item's
        await(() -> {
            List<String> classes = model.datasetProperty().get().classNames();
            List<javafx.scene.Node> now = tiles();
            for (int i = 0; i < now.size(); i++) {
                javafx.scene.control.Label answer = (javafx.scene.control.Label) ((javafx.scene.layout.VBox) now.get(i))
                        .getChildren().get(2);
                if (!answer.getText().equals(model.gallery().get(i).answerText(classes))) {
                    return false;
                }
            }
            return now.size() == model.gallery().size();
        });

        assertTrue(FxThread.fx(() -> robot.lookup("#sample-3").query()) == third, "the tile of sample 3 is kept, not made again");
        List<String> names = FxThread.fx(() -> model.datasetProperty().get().classNames());
        List<GalleryItem> items = FxThread.fx(() -> List.copyOf(model.gallery()));
        List<javafx.scene.Node> shown = FxThread.fx(this::tiles);
        assertEquals(items.size(), shown.size());
        for (int i = 0; i < items.size(); i++) {
            javafx.scene.layout.VBox tile = (javafx.scene.layout.VBox) shown.get(i);
            javafx.scene.control.Label label = (javafx.scene.control.Label) tile.getChildren().get(1);
            javafx.scene.control.Label answer = (javafx.scene.control.Label) tile.getChildren().get(2);
            assertEquals(items.get(i).index(), tile.getUserData(), "the tiles are in the gallery's order");
            assertEquals(names.get(items.get(i).label()), label.getText(), "each tile shows its sample's label");
            assertEquals("→\u00a0" + names.get(items.get(i).prediction()), answer.getText(),
                    "each tile shows the new answer under the label");
            assertEquals(items.get(i).misclassified(), answer.getStyleClass().contains("gallery-answer-wrong"),
                    "red exactly when wrong");
        }

        robot.clickOn("#misclassified-only");
        long wrong = items.stream().filter(GalleryItem::misclassified).count();
        await(() -> tiles().size() == wrong);
        for (javafx.scene.Node tile : FxThread.fx(this::tiles)) {
            int index = (Integer) tile.getUserData();
            assertTrue(items.stream().anyMatch(item -> item.index() == index && item.misclassified()),
                    "only misclassified samples are shown");
        }
    }

    @Test
    void theAnswerAfterEachStepNamesEveryAnswerInFull(FxRobot robot) throws Exception {
        SpikesView view = window.spikesView();
        SpikesViewModel model = view.model();
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        robot.clickOn("#spikes-tab");
        await(() -> recordingShown() && !model.gallery().isEmpty());
        FxThread.fx(() -> {
            model.player().scrubTo(STEPS - 1);
            return true;
        });
        Recording recording = FxThread.fx(() -> model.recordingProperty().get());
        List<String> names = FxThread.fx(() -> model.datasetProperty().get().classNames());
        int[] answers = new int[STEPS];
        for (int t = 0; t < STEPS; t++) {
            answers[t] = recording.predictionAfter(t, 0);
        }
        int label = recording.labels()[0];
        String expected = "After " + AnswerRuns.describe(AnswerRuns.of(answers), names, label, 3)
                + (answers[STEPS - 1] == label ? "" : " (label: " + names.get(label) + ")");
        await(() -> expected.equals(((javafx.scene.control.Label) robot.lookup("#spikes-output-caption").query()).getText()));
        assertTrue(expected.contains(": " + names.get(answers[STEPS - 1]) + "\u00a0"), expected);
        // the strip writes a name only where all of it fits: never "ho…"
        for (String written : FxThread.fx(() -> view.logits().stripNames())) {
            assertTrue(names.contains(written), "a whole class name in the strip: '" + written + "'");
        }
    }

    @Test
    void aNeuronNumberThatDoesNotExistIsExplainedUnderTheFieldAndATracedNeuronNamesItsArrayElement(FxRobot robot)
            throws Exception {
        SpikesViewModel model = window.spikesView().model();
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        robot.clickOn("#spikes-tab");
        await(() -> recordingShown());
        javafx.scene.control.Label problem = robot.lookup("#trace-problem").queryAs(javafx.scene.control.Label.class);
        assertFalse(FxThread.fx(problem::isVisible));

        robot.clickOn("#trace-index").write("9999");
        robot.clickOn("#trace-add");
        await(() -> problem.isVisible());
        assertEquals("There is no neuron 9999: LIF 1 has neurons 1–512.", FxThread.fx(problem::getText));
        assertTrue(FxThread.fx(() -> model.traces().isEmpty()));

        FxThread.fx(() -> {
            ((javafx.scene.control.TextField) robot.lookup("#trace-index").query()).setText("117");
            return true;
        });
        robot.clickOn("#trace-add");
        await(() -> !model.traces().isEmpty());
        assertFalse(FxThread.fx(problem::isVisible), "the message goes once the number is right");
        assertEquals(new TracedNeuron(0, 116, 0), FxThread.fx(() -> model.traces().get(0)));
        javafx.scene.layout.Pane legend = robot.lookup("#trace-legend").queryAs(javafx.scene.layout.Pane.class);
        assertEquals("● LIF 1 · neuron 117 = 0.u_pre[:, s, 116]",
                FxThread.fx(() -> ((javafx.scene.control.Label) legend.getChildren().get(0)).getText()));
    }

    @Test
    void theScrubThumbStandsAtTheStepTheCursorWasMovedToBeforeTheRecordingCame(FxRobot robot) throws Exception {
        SpikesViewModel model = window.spikesView().model();
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        // the cursor is the Membrane view's too: it may stand at step 4 before the Spikes view has a recording
        FxThread.fx(() -> {
            model.player().cursor().moveTo(3, STEPS);
            return true;
        });
        robot.clickOn("#spikes-tab");
        await(() -> recordingShown());
        javafx.scene.control.Slider scrub = robot.lookup("#spikes-scrub").queryAs(javafx.scene.control.Slider.class);
        javafx.scene.control.Label label = robot.lookup("#spikes-step-label").queryAs(javafx.scene.control.Label.class);
        assertEquals("step 4 of " + STEPS, FxThread.fx(label::getText));
        assertEquals(4.0, FxThread.fx(scrub::getValue), "the thumb stands where the label says");
        assertEquals((double) STEPS, FxThread.fx(scrub::getMax));
        // and when the cursor moves in the other view meanwhile
        FxThread.fx(() -> {
            model.player().cursor().moveTo(1, STEPS);
            return true;
        });
        assertEquals(2.0, FxThread.fx(scrub::getValue));
        assertEquals("step 2 of " + STEPS, FxThread.fx(label::getText));
    }

    private List<javafx.scene.Node> tiles() {
        javafx.scene.layout.Pane gallery = (javafx.scene.layout.Pane) window.spikesView().root().lookup("#spikes-gallery");
        return List.copyOf(gallery.getChildren());
    }

    private static double[] fx(java.util.function.IntFunction<double[]> read, int argument) throws Exception {
        return FxThread.fx(() -> read.apply(argument));
    }

    /** The scrub slider's left edge in the scene, after a layout. */
    private static double scrubLeft(FxRobot robot) throws Exception {
        return FxThread.fx(() -> {
            javafx.scene.Node scrub = robot.lookup("#spikes-scrub").query();
            scrub.getScene().getRoot().layout();
            return scrub.localToScene(scrub.getLayoutBounds()).getMinX();
        });
    }

    /** True when the view has drawn the model's newest recording (it shows a recording a layer per pulse). */
    private boolean recordingShown() {
        Recording newest = window.spikesView().model().recordingProperty().get();
        return newest != null && window.spikesView().shownRecordingProperty().get() == newest;
    }
}
