package org.mpbnlab.app.membrane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.StageSize;
import org.mpbnlab.app.shell.AppContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.app.train.RecordingRunControl;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Membrane view's toolbar in the whole window at 1024 × 768 (issue 11, tester): the time-step controls stay where
 * they are when the first recording arrives (they moved 44 px down under the mouse: the lists widened, "Recorded
 * from" wrapped and a note was added above them), the empty view says it is recording, and the time step is readable
 * in classroom fonts (the slider's tick labels ran together, "12345678").
 */
@ExtendWith(ApplicationExtension.class)
class MembraneToolbarUiTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private Stage stage;
    private StageSize size;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        size = StageSize.of(stage);
    }

    @AfterEach
    void giveTheStageBack() throws Exception {
        fx(() -> {
            if (window != null) {
                window.close();
            }
            return true;
        });
        size.restore();
    }

    @Test
    void theTimeStepControlsDoNotMoveWhenTheFirstRecordingArrives() throws Exception {
        Parent view = showMembrane(AppTheme.NORMAL);
        Label waiting = fx(() -> (Label) view.lookup("#membrane-unavailable"));
        assertTrue(fx(waiting::isVisible), "the empty view says what is happening");
        assertEquals(MembraneViewModel.RECORDING, fx(waiting::getText));
        double before = fx(() -> sceneY(view, "#time-cursor"));
        double historyBefore = fx(() -> sceneY(view, "#history-slider"));

        // an untrained run: shown from the test batch, with a note saying why
        publish(ProbeFrames.convEvaluation(4, 0, 1));
        await(() -> window.membraneModel().figureProperty().get() != null && settled(view));
        assertTrue(fx(() -> view.lookup("#membrane-source-note").isVisible()), "the note is there");
        assertEquals(before, fx(() -> sceneY(view, "#time-cursor")), "time-step slider's y");
        assertEquals(historyBefore, fx(() -> sceneY(view, "#history-slider")), "history slider's y");
        assertTrue(fx(() -> !waiting.isVisible()), "the charts replace the note");
    }

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(ints = {4, 8, 16})
    void theTimeStepIsReadableInClassroomFonts(int steps) throws Exception {
        Parent view = showMembrane(AppTheme.CLASSROOM);
        publish(ProbeFrames.convEvaluation(steps, 0, 1));
        await(() -> window.membraneModel().figureProperty().get() != null && settled(view));
        fx(() -> {
            window.membraneModel().cursorProperty().set(2);
            return true;
        });
        await(() -> settled(view));
        assertEquals(List.of(), fx(() -> overlappingTexts(view.lookup("#time-cursor"))),
                "texts of the time-step slider that run into each other");
        assertEquals("t = 3 of " + steps, fx(() -> ((Label) view.lookup("#time-step-value")).getText()));
        Bounds label = fx(() -> bounds(view.lookup("#time-step-value")));
        Bounds slider = fx(() -> bounds(view.lookup("#time-cursor")));
        assertTrue(label.getMinX() >= slider.getMaxX() && label.getMaxX() <= 1024, () -> "step label " + label
                + " beside the slider " + slider + ", in the window");
    }

    /**
     * T = 8 in classroom fonts: the rows of charts keep room for two readable plots each and scroll instead (they
     * were squashed to plots 15 px high), and the step under the cursor is scrolled into view.
     */
    @Test
    void eightStepsInClassroomFontsScrollInsteadOfSquashingAndFollowTheCursor() throws Exception {
        Parent view = showMembrane(AppTheme.CLASSROOM);
        publish(ProbeFrames.convEvaluation(8, 0, 1));
        await(() -> window.membraneView().stepCharts().size() == 8 && settled(view));
        for (Node chart : fx(() -> window.membraneView().stepCharts())) {
            assertTrue(fx(chart::getLayoutBounds).getHeight() >= 2 * LayoutAudit.MIN_PLOT_SIZE,
                    () -> chart.getId() + " is only " + chart.getLayoutBounds().getHeight() + " px high");
        }
        for (int step : new int[] {5, 7, 0}) {
            fx(() -> {
                window.membraneModel().cursorProperty().set(step);
                return true;
            });
            await(() -> settled(view));
            Node chart = fx(() -> window.membraneView().stepCharts().get(step));
            Node scroller = fx(() -> view.lookup(".chart-scroller"));
            Bounds shown = fx(() -> bounds(scroller));
            Bounds box = fx(() -> bounds(chart));
            // whole in view, or from its top when it is higher than the view
            boolean topInView = box.getMinY() >= shown.getMinY() - 1;
            boolean bottomInView = box.getMaxY() <= shown.getMaxY() + 1
                    || box.getHeight() > shown.getHeight() && Math.abs(box.getMinY() - shown.getMinY()) <= 1;
            assertTrue(topInView && bottomInView, () -> "t = " + (step + 1) + " at " + box + " in view " + shown);
        }
    }

    /** The whole window at 1024 × 768 in {@code theme}, its Membrane view shown before any recording. */
    private Parent showMembrane(AppTheme theme) throws Exception {
        Parent view = fx(() -> {
            RunSettings sample = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs")
                    .with(SettingsTable.ARCH, "mlp");
            window = new MainWindow(new AppContext(RegistryDataCatalog.standard(),
                    RecordingRunControl.factory(sessions), new RunPlan(sample, SAMPLE), Runnable::run, theme));
            window.show(stage);
            stage.setWidth(1024);
            stage.setHeight(768);
            TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(tab -> "membrane-tab".equals(tab.getId())).findFirst().orElseThrow());
            return (Parent) window.membraneView().root();
        });
        await(() -> view.getScene().getWidth() == 1024 && view.getScene().getHeight() == 768 && settled(view));
        return view;
    }

    /** Publishes {@code frame} as the newest recording of the newest run. */
    private void publish(ProbeFrame frame) throws Exception {
        fx(() -> {
            RecordingRunControl session = sessions.get(sessions.size() - 1);
            session.listener.published(ProbeFrames.snapshot(frame, List.of(frame)));
            return true;
        });
    }

    /** Lays the scene out and says whether the view is on screen. */
    private static boolean settled(Parent view) {
        view.getScene().getRoot().applyCss();
        view.getScene().getRoot().layout();
        return view.isVisible() && view.getScene() != null;
    }

    private static double sceneY(Parent view, String id) {
        return bounds(view.lookup(id)).getMinY();
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** Pairs of visible texts inside {@code node} whose boxes overlap, described. */
    private static List<String> overlappingTexts(Node node) {
        List<Text> texts = node.lookupAll("Text").stream().filter(n -> n instanceof Text && n.isVisible())
                .map(Text.class::cast).filter(t -> !t.getText().isEmpty()).toList();
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (bounds(texts.get(i)).intersects(bounds(texts.get(j)))) {
                    overlaps.add(texts.get(i).getText() + " / " + texts.get(j).getText());
                }
            }
        }
        return overlaps;
    }
}
