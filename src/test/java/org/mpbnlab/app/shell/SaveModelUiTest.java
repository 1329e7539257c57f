package org.mpbnlab.app.shell;

import static org.mpbnlab.app.FxThread.fx;
import static org.mpbnlab.app.FxThread.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.app.train.ModelSaving;
import org.mpbnlab.app.train.RunRecord;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.settings.RunSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.mpbnlab.app.TabReveal;
import org.mpbnlab.app.TinyWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 11, item 13, the wiring: Ctrl+S and the Train view's Save button save the run through the injected save
 * dialog (no native dialog opens), the title shows the file and the modified marker, and the file opens again
 * with the same weights and settings.
 */
@ExtendWith(ApplicationExtension.class)
class SaveModelUiTest {

    @TempDir
    static Path folder;

    private static final RunSettings TINY = TinyWindow.XOR;

    private MainWindow window;
    private Stage stage;
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TinyWindow.show(stage, RunPlan.fromRandomWeights(TINY));
        window.trainModel().saving().setDialog((start, name, title) -> {
            asked.add(name);
            return Optional.of(folder.resolve("lesson"));
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        TinyWindow.close(window);
    }

    private SessionSnapshot snapshot() throws Exception {
        return fx(() -> window.trainModel().snapshotProperty().get());
    }

    private ModelSaving saving() {
        return window.trainModel().saving();
    }

    /** The current run's weights, copied by its worker between two batches. */
    private Map<String, INDArray> runWeights() throws Exception {
        return fx(() -> window.trainModel().copyCurrentModel()).get(60, TimeUnit.SECONDS).network().state();
    }

    private static void assertSameWeights(Map<String, INDArray> expected, Map<String, INDArray> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, array) -> assertArrayEquals(ArrayValues.readFloats(array),
                ArrayValues.readFloats(actual.get(name)), name));
    }

    @Test
    void ctrlSSavesThroughTheDialogThenToTheSameFileAndTheFileReopensAsTheRun(FxRobot robot) throws Exception {
        Path lesson = folder.resolve("lesson.zip");
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == 1 && snapshot().state() == SessionState.PAUSED);
        assertEquals("run #1 (not saved) — modified — " + MainWindow.TITLE, fx(stage::getTitle));

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        await(() -> !saving().savingProperty().get() && lesson.equals(saving().fileProperty().get()));
        assertEquals(List.of("xor-mlp-2d-run1.zip"), asked, "the first save asks where");
        assertTrue(Files.isRegularFile(lesson));
        assertEquals("lesson.zip — " + MainWindow.TITLE, fx(stage::getTitle));
        assertEquals("Saved in " + lesson.toAbsolutePath() + " (iteration 1).",
                fx(() -> robot.lookup("#save-state").queryAs(Label.class).getText()));
        assertSameWeights(runWeights(), ModelFile.load(lesson).network().state());

        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == 2 && snapshot().state() == SessionState.PAUSED);
        await(() -> stage.getTitle().startsWith("lesson.zip — modified — "));
        fx(() -> {
            TabReveal.reveal(robot.lookup("#save-model-button").query());
            return null;
        });
        robot.clickOn("#save-model-button");
        await(() -> !saving().savingProperty().get() && saving().savedIteration() == 2);
        assertEquals(1, asked.size(), "the file is remembered: no dialog");
        Map<String, INDArray> atTwo = runWeights();
        assertSameWeights(atTwo, ModelFile.load(lesson).network().state());

        assertEquals(Optional.empty(), fx(() -> window.model().openModel(lesson)));
        await(() -> window.trainModel().currentRun().number() == 2 && snapshot() != null
                && snapshot().state() == SessionState.READY);
        assertEquals(TINY, fx(() -> window.trainModel().currentRun().plan().settings()), "every setting restored");
        assertEquals(TINY, SampleModels.planOf(lesson).settings());
        assertSameWeights(atTwo, runWeights());
        assertEquals("lesson.zip — " + MainWindow.TITLE, fx(stage::getTitle), "opened: in its file, not modified");
    }

    /** The question dialog's text, once it is shown. */
    private static String question(FxRobot robot) throws Exception {
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return fx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText());
    }

    private static Button button(FxRobot robot, String within, String text) {
        return robot.lookup(within + " .button").match((Button b) -> b.getText().equals(text)).queryButton();
    }

    private static void answer(FxRobot robot, String text) {
        robot.clickOn(button(robot, ".dialog-pane", text));
    }

    /**
     * SV3, the wiring: training in an earlier run still in the run list is asked about when it is removed and at
     * Ctrl+Q (one dialog naming both runs); Save writes each run's weights to its own file, then the window closes.
     */
    @Test
    void ctrlQAsksAboutEveryRunWithUnsavedTrainingAndSavesEach(FxRobot robot) throws Exception {
        fx(() -> {
            saving().setDialog((start, name, title) -> Optional.of(folder.resolve(name)));
            return null;
        });
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == 1 && snapshot().state() == SessionState.PAUSED);
        Map<String, INDArray> runOne = runWeights();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await(() -> window.trainModel().currentRun().number() == 2 && snapshot() != null
                && snapshot().state() == SessionState.READY);
        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == 1 && snapshot().state() == SessionState.PAUSED);
        Map<String, INDArray> runTwo = runWeights();

        RunRecord first = fx(() -> window.trainModel().runs().get(0));
        fx(() -> {
            ListView<?> runs = robot.lookup("#runs").queryAs(ListView.class);
            runs.getSelectionModel().select(0);
            TabReveal.reveal(button(robot, ".main-window", "Remove selected run"));
            return null;
        });
        robot.clickOn(button(robot, ".main-window", "Remove selected run"));
        assertEquals("Run #1 has trained (iteration 1) and its weights are in no file yet. Save them before removing "
                + "the run from the list?", question(robot));
        answer(robot, "Cancel");
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(fx(() -> window.trainModel().runs().contains(first)), "Cancel keeps the run");

        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        assertEquals("""
                2 runs have training that is not saved:
                • Run #1 has trained (iteration 1) and its weights are in no file yet.
                • Run #2 has trained (iteration 1) and its weights are in no file yet.
                Save saves each of them (asking for a file for a run that is in none); Don't save quits without them.""",
                question(robot));
        answer(robot, "Save");
        await(() -> !stage.isShowing());
        assertSameWeights(runOne, ModelFile.load(folder.resolve("xor-mlp-2d-run1.zip")).network().state());
        assertSameWeights(runTwo, ModelFile.load(folder.resolve("xor-mlp-2d-run2.zip")).network().state());
    }
}
