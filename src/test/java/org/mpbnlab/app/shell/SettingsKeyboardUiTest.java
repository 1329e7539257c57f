package org.mpbnlab.app.shell;

import static org.mpbnlab.app.FxThread.fx;
import static org.mpbnlab.app.FxThread.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.TinyWindow;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A keyboard-only user reaches the settings' choice boxes with Tab, and Space still plays and pauses there. */
@ExtendWith(ApplicationExtension.class)
class SettingsKeyboardUiTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        // 50 epochs: the run is still training when the test pauses it
        window = TinyWindow.show(stage, RunPlan.fromRandomWeights(TinyWindow.XOR.with(SettingsTable.EPOCHS, 50)));
    }

    @AfterEach
    void closeWindow() throws Exception {
        TinyWindow.close(window);
    }

    @Test
    void shiftTabReachesTheDataSetChoiceWhereSpacePlaysAndAltDownOpensTheList(FxRobot robot) throws Exception {
        await(() -> state() == SessionState.READY);
        TextField samples = robot.lookup("#setting-train-samples").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> dataset = robot.lookup("#setting-dataset").queryAs(ComboBox.class);
        robot.clickOn("#setting-train-samples");
        await(samples::isFocused);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        await(dataset::isFocused);

        robot.type(KeyCode.SPACE);
        await(() -> state() == SessionState.RUNNING);
        robot.type(KeyCode.SPACE);
        await(() -> state() == SessionState.PAUSED);
        assertEquals("xor", fx(dataset::getValue), "Space never changes the choice");
        assertFalse(fx(dataset::isShowing), "Space never opens the list");

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        await(dataset::isShowing);
        robot.type(KeyCode.ESCAPE);
        await(() -> !dataset.isShowing());
        assertTrue(fx(dataset::isFocused));
    }

    /**
     * Ctrl+H in a settings field hides the settings (its menu item, View ▸ Show settings panel) and leaves the
     * field as it was: the field's own Ctrl+H (delete the character before the caret) turned "0.5" into "0." and
     * started a new run on the next Play (seen in V_th; the first field shown is the test's).
     */
    @Test
    void ctrlHInATextFieldHidesTheSettingsAndLeavesTheFieldAlone(FxRobot robot) throws Exception {
        await(() -> state() == SessionState.READY);
        TextField field = robot.lookup("#setting-train-samples").queryAs(TextField.class);
        String before = fx(field::getText);
        robot.clickOn("#setting-train-samples");
        await(field::isFocused);
        robot.type(KeyCode.END);
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        assertEquals(before, fx(field::getText), "Ctrl+H edited the field"); // the robot's keys were handled
        await(() -> robot.lookup("#settings-panel").tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#settings-panel").tryQuery().isPresent());
        assertEquals(before, fx(field::getText));
    }

    private SessionState state() {
        var snapshot = window.trainModel().snapshotProperty().get();
        return snapshot == null ? null : snapshot.state();
    }
}
