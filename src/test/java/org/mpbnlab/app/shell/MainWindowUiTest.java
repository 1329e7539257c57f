package org.mpbnlab.app.shell;

import static org.mpbnlab.app.FxThread.fx;
import static org.mpbnlab.app.FxThread.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Button;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.TabReveal;
import org.mpbnlab.app.TinyWindow;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.train.settings.SettingsTable;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window, headless on Monocle, on a tiny dataset and network. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    private static final int STEPS = 3;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(tinyContext(false));
        window.show(stage);
    }

    /** A tiny run on xor; with the pulse-gap meter when {@code showPulseGaps}. */
    private static AppContext tinyContext(boolean showPulseGaps) {
        return TinyWindow.context(RunPlan.fromRandomWeights(TinyWindow.XOR.with(SettingsTable.TIME_STEPS, STEPS)),
                AppTheme.NORMAL, showPulseGaps);
    }

    @AfterEach
    void closeWindow() throws Exception {
        TinyWindow.close(window);
    }

    /**
     * Types {@code text} over a field's whole content. The content is selected on the FX thread, not by a
     * double click, which a loaded machine may deliver as two single clicks (then the typed text is appended).
     */
    private static void replaceText(FxRobot robot, String query, String text) throws Exception {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        fx(() -> {
            TabReveal.reveal(field);
            return null;
        });
        robot.clickOn(query);
        fx(() -> {
            field.selectAll();
            return null;
        });
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SessionSnapshot snapshot() throws Exception {
        return fx(() -> window.trainModel().snapshotProperty().get());
    }

    @Test
    void trainsThenShowsAPairOfHistogramsPerStepThatChangeWithTheLayer(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        robot.type(KeyCode.SPACE);
        await(() -> snapshot().iteration() >= 6);
        robot.clickOn("#play");
        await(() -> snapshot().state() == SessionState.PAUSED);
        long paused = snapshot().iteration();
        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == paused + 1 && snapshot().state() == SessionState.PAUSED);
        ChartPane loss = robot.lookup("#loss-chart").queryAs(ChartPane.class);
        await(() -> loss.chart() != null && loss.chart().getXYPlot().getDataset().getItemCount(0) >= 6);

        robot.clickOn("#membrane-tab");
        await(() -> window.membraneView().stepCharts().size() == STEPS
                && window.membraneView().stepCharts().stream().allMatch(p -> p.hasImage() && p.chart() != null));
        List<JFreeChart> firstLayer = charts();
        for (JFreeChart chart : firstLayer) {
            assertEquals(2, ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().size(), "u_pre above û");
        }
        String caption = robot.lookup("#membrane-caption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("run #1 · LIF 1 · 64 dense"), caption);

        robot.clickOn("#layer-choice").clickOn("LIF 2 · 64 dense");
        await(() -> window.membraneModel().figureProperty().get().layer().index() == 1
                && !counts(charts().get(0)).equals(counts(firstLayer.get(0))));
        assertEquals(STEPS, charts().size());
        assertTrue(robot.lookup("#membrane-caption").queryAs(Label.class).getText().startsWith("run #1 · LIF 2"));
        robot.type(KeyCode.RIGHT);
        await(() -> window.membraneModel().cursorProperty().get() == 1);
    }

    @Test
    void invalidInputIsRefusedWithAMessage(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        replaceText(robot, "#setting-timesteps", "x");
        TextField steps = robot.lookup("#setting-timesteps").queryAs(TextField.class);
        await(() -> steps.getStyleClass().contains("invalid"));
        Label error = robot.lookup("#settings-error").queryAs(Label.class);
        assertTrue(fx(error::isVisible));
        assertEquals("T: must be a whole number from 1 to 16, got 'x'", fx(error::getText));
        robot.clickOn("#play");
        assertEquals(1, (int) fx(() -> window.trainModel().runs().size()), "no new run");
        assertFalse(fx(() -> window.trainModel().snapshotProperty().get().state() == SessionState.RUNNING));
        assertTrue(fx(() -> window.trainModel().messageProperty().get()).startsWith("not started: T:"));
        replaceText(robot, "#setting-timesteps", "4");
        await(() -> !steps.getStyleClass().contains("invalid"));
        assertNotEquals(true, fx(error::isVisible));
    }

    @Test
    void theThemesRestyleTheWholeWindowFromTheirStylesheets(FxRobot robot) throws Exception {
        Label title = robot.lookup("#next-run").queryAs(Label.class);
        Button play = robot.lookup("#play").queryAs(Button.class);
        assertEquals(AppTheme.NORMAL.stylesheets(), fx(() -> List.copyOf(title.getScene().getStylesheets())));
        double normalSize = fx(() -> title.getFont().getSize());
        assertNotEquals(Color.WHITE, fx(title::getTextFill));

        fx(() -> {
            window.model().toggleTheme(AppTheme.HIGH_CONTRAST);
            title.getScene().getRoot().applyCss();
            return true;
        });
        assertEquals(AppTheme.HIGH_CONTRAST.stylesheets(), fx(() -> List.copyOf(title.getScene().getStylesheets())));
        assertEquals(Color.WHITE, fx(title::getTextFill), "white text");
        assertEquals(Color.WHITE, fx(() -> play.getBorder().getStrokes().get(0).getTopStroke()), "white borders");
        assertTrue(fx(() -> title.getFont().getStyle()).toLowerCase(java.util.Locale.ROOT).contains("bold"));
        assertEquals(ChartTheme.HIGH_CONTRAST, fx(() -> window.model().chartThemeProperty().get()));

        fx(() -> {
            window.model().toggleTheme(AppTheme.CLASSROOM);
            title.getScene().getRoot().applyCss();
            return true;
        });
        assertTrue(fx(() -> title.getFont().getSize()) > normalSize * 1.3, "classroom fonts are larger");
        assertNotEquals(Color.WHITE, fx(title::getTextFill));
    }

    @Test
    void spacePausesTrainingWhileTheSeedFieldHasTheFocusAndIsNeverTypedIntoIt(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        TextField seed = robot.lookup("#setting-seed").queryAs(TextField.class);
        fx(() -> {
            TabReveal.reveal(seed);
            return null;
        });
        robot.clickOn("#setting-seed");
        await(seed::isFocused);
        String before = fx(seed::getText);
        robot.type(KeyCode.SPACE);
        await(() -> snapshot().state() == SessionState.RUNNING);
        robot.type(KeyCode.SPACE);
        await(() -> snapshot().state() == SessionState.PAUSED);
        assertEquals(before, fx(seed::getText), "the seed field is not edited");
        assertEquals("", fx(() -> window.trainModel().form().errorProperty().get()));
        assertTrue(fx(seed::isFocused));
    }

    @Test
    void aBlockedOneBatchSaysWhyNextToTheButton(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        replaceText(robot, "#setting-batch", "1");
        robot.clickOn("#step");
        Label note = robot.lookup("#action-note").queryAs(Label.class);
        await(note::isVisible);
        String why = fx(note::getText);
        assertTrue(why.startsWith("One batch did not run: batch size") && why.endsWith("Correct the setting marked in red."),
                why);
        javafx.geometry.Bounds button = fx(() -> robot.lookup("#step").query().localToScene(
                robot.lookup("#step").query().getBoundsInLocal()));
        javafx.geometry.Bounds text = fx(() -> note.localToScene(note.getBoundsInLocal()));
        assertTrue(text.getMinY() >= button.getMaxY() && text.getMinY() - button.getMaxY() < 40,
                "right under the buttons: " + button + " / " + text);
        assertEquals(0, snapshot().iteration());
        replaceText(robot, "#setting-batch", "16");
        await(() -> !note.isVisible());
    }

    @Test
    void theHistoryThumbIsAtTheRightInLiveModeAndPlayStepsBecomesStop(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == 1);
        robot.type(KeyCode.RIGHT);
        await(() -> snapshot().iteration() == 2 && snapshot().history().size() >= 3);
        robot.clickOn("#membrane-tab");
        javafx.scene.control.Slider history = robot.lookup("#history-slider").queryAs(javafx.scene.control.Slider.class);
        await(() -> history.getMax() >= 2 && window.membraneModel().followLiveProperty().get());
        assertEquals(fx(history::getMax), fx(history::getValue), 0.0, "live = newest recording = right end");
        robot.type(KeyCode.UP);
        await(() -> !window.membraneModel().followLiveProperty().get());
        assertEquals(fx(history::getMax), fx(history::getValue), 0.0, "the newest kept recording");
        robot.type(KeyCode.UP);
        await(() -> history.getValue() == history.getMax() - 1);
        javafx.scene.control.ToggleButton play = robot.lookup("#play-steps")
                .queryAs(javafx.scene.control.ToggleButton.class);
        assertEquals("Play steps", fx(play::getText));
        robot.clickOn("#play-steps");
        await(() -> "Stop".equals(play.getText()));
        robot.clickOn("#play-steps");
        await(() -> "Play steps".equals(play.getText()));
    }

    @Test
    void theKeyboardHelpIsAnAlignedGridOfEveryKeyReadableAndWithinAProjectorsScreen(FxRobot robot) throws Exception {
        fx(() -> {
            window.model().themeProperty().set(AppTheme.CLASSROOM);
            return true;
        });
        robot.clickOn("Help").clickOn(HelpTexts.KEYBOARD_TITLE);
        await(() -> robot.lookup("#shortcut-grid").tryQuery().isPresent());
        GridPane grid = robot.lookup("#shortcut-grid").queryAs(GridPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            List<Label> keys = fx(() -> cells(grid, 0));
            List<Label> actions = fx(() -> cells(grid, 1));
            assertEquals(HelpTexts.KEYBOARD.stream().map(HelpTexts.Shortcut::keys).toList(),
                    keys.stream().map(Label::getText).toList());
            assertEquals(HelpTexts.KEYBOARD.stream().map(HelpTexts.Shortcut::action).toList(),
                    actions.stream().map(Label::getText).toList());
            List<Bounds> keyBounds = fx(() -> keys.stream().map(Node::getBoundsInParent).toList());
            List<Bounds> actionBounds = fx(() -> actions.stream().map(Node::getBoundsInParent).toList());
            double widestKey = keyBounds.stream().mapToDouble(Bounds::getMaxX).max().orElseThrow();
            for (int row = 0; row < keys.size(); row++) {
                Bounds key = keyBounds.get(row);
                Bounds action = actionBounds.get(row);
                assertEquals(keyBounds.get(0).getMinX(), key.getMinX(), 0.5, "keys in one column");
                assertEquals(actionBounds.get(0).getMinX(), action.getMinX(), 0.5, "actions in one column");
                assertTrue(action.getMinX() > widestKey, "the actions start right of the widest key");
                assertTrue(key.getMinY() < action.getMaxY() && action.getMinY() < key.getMaxY(),
                        "a key and what it does share a line: " + key + " / " + action);
                if (row > 0) {
                    double above = Math.max(keyBounds.get(row - 1).getMaxY(), actionBounds.get(row - 1).getMaxY());
                    assertTrue(Math.min(key.getMinY(), action.getMinY()) >= above - 0.5, "row " + row + " below row "
                            + (row - 1));
                }
            }
            assertTrue(fx(() -> keys.get(0).getFont().getSize()) >= 19, "classroom fonts in the dialog too");
            javafx.stage.Window dialog = fx(() -> grid.getScene().getWindow());
            assertTrue(fx(dialog::getWidth) <= 1024 && fx(dialog::getHeight) <= 768,
                    "fits 1024×768: " + fx(dialog::getWidth) + "×" + fx(dialog::getHeight));

            MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
            List<String> accelerators = fx(() -> acceleratorsOf(menus.getMenus()));
            assertTrue(accelerators.size() >= 6, accelerators.toString());
            for (String accelerator : accelerators) {
                assertTrue(keys.stream().anyMatch(k -> k.getText().equals(accelerator)),
                        "the help lists the menu key " + accelerator);
            }
        } finally {
            fx(() -> {
                ((Button) ((javafx.scene.control.DialogPane) grid.getScene().getRoot())
                        .lookupButton(javafx.scene.control.ButtonType.OK)).fire();
                return true;
            });
        }
    }

    @Test
    void theStatusBarShowsProgressOnlyWhileTrainingAndNoPauseMeter(FxRobot robot) throws Exception {
        await(() -> snapshot() != null && snapshot().state() == SessionState.READY);
        Node bar = robot.lookup("#status-bar").query();
        Node progress = fx(() -> bar.lookup(".progress-bar"));
        assertFalse(fx(progress::isVisible), "nothing in progress at the start");
        robot.type(KeyCode.SPACE);
        await(() -> snapshot().state() == SessionState.RUNNING && snapshot().iteration() >= 2 && progress.isVisible());
        robot.type(KeyCode.SPACE);
        await(() -> snapshot().state() == SessionState.PAUSED && !progress.isVisible());
        assertTrue(robot.lookup("#pulse-gap").tryQuery().isEmpty(), "no developer's meter");
        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<String> items = fx(() -> menus.getMenus().stream().flatMap(m -> m.getItems().stream())
                .map(item -> String.valueOf(item.getText()).toLowerCase(java.util.Locale.ROOT)).toList());
        assertTrue(items.stream().noneMatch(text -> text.contains("pause")), items.toString());
    }

    @Test
    void showPulseGapsPutsTheUiPauseMeterInTheStatusBar() throws Exception {
        Stage stage = fx(Stage::new);
        MainWindow measured = fx(() -> {
            MainWindow second = new MainWindow(tinyContext(true));
            second.show(stage);
            return second;
        });
        try {
            Label meter = fx(() -> (Label) stage.getScene().lookup("#pulse-gap"));
            assertTrue(meter != null && fx(meter::isVisible), "the meter is in the status bar");
            assertTrue(fx(() -> meter.getTooltip().getText()).contains("could not repaint"));
        } finally {
            fx(() -> {
                stage.close();
                measured.close();
                return true;
            });
        }
    }

    /** The labels of one column of the grid, row by row. */
    private static List<Label> cells(GridPane grid, int column) {
        return grid.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == column)
                .sorted(java.util.Comparator.comparingInt(GridPane::getRowIndex)).map(Label.class::cast).toList();
    }

    /** Every accelerator of the menus and their submenus, as the menus display it. */
    private static List<String> acceleratorsOf(List<? extends MenuItem> items) {
        List<String> found = new java.util.ArrayList<>();
        for (MenuItem item : items) {
            if (item.getAccelerator() != null) {
                found.add(item.getAccelerator().getDisplayText());
            }
            if (item instanceof Menu menu) {
                found.addAll(acceleratorsOf(menu.getItems()));
            }
        }
        return found;
    }

    private List<JFreeChart> charts() {
        return window.membraneView().stepCharts().stream().map(ChartPane::chart).toList();
    }

    private static List<Number> counts(JFreeChart chart) {
        XYPlot top = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0);
        List<Number> values = new java.util.ArrayList<>();
        for (int k = 0; k < top.getDataset().getItemCount(0); k++) {
            values.add(top.getDataset().getY(0, k));
        }
        return values;
    }
}
