package org.mpbnlab.app.train;

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
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.app.StageSize;
import org.mpbnlab.app.charts.ChartRenderer;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Train view's controls stay where they are, under the user's mouse, whatever is chosen or pressed, and show
 * what a class needs (issue 11, tester 7): choosing a wider value (fashion-mnist, conv-small, an own CSV with a long
 * name) moved Play from 246 to 553 px, One batch moved 9 px when Play became Pause, the Runs tab showed three of six
 * runs with its last note cut by the buttons, a refused preset's tooltip ran off the screen in one line, and Remove
 * selected run did nothing, silently, for the current run.
 */
@ExtendWith(ApplicationExtension.class)
class TrainControlsSteadyUiTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");
    private static final Object[][] SIZES = {{1280.0, 720.0, AppTheme.NORMAL}, {1280.0, 720.0, AppTheme.CLASSROOM},
        {1024.0, 768.0, AppTheme.NORMAL}, {1024.0, 768.0, AppTheme.CLASSROOM}};

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private Stage stage;
    private StageSize size;
    private TrainViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        size = StageSize.of(stage);
    }

    @AfterEach
    void giveTheStageBack() throws Exception {
        size.restore();
    }

    /** The Train view of the sample model in a scene of the given size and theme, laid out. */
    private ScrollPane show(double width, double height, AppTheme theme) throws Exception {
        sessions.clear();
        RunSettings sample = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs")
                .with(SettingsTable.ARCH, "mlp");
        ScrollPane panel = fx(() -> {
            model = new TrainViewModel(RegistryDataCatalog.standard(), RecordingRunControl.factory(sessions),
                    Runnable::run, new RunPlan(sample, SAMPLE));
            model.prepareFirstRun();
            TrainView view = new TrainView(model, new ViewContext(new ChartRenderer()));
            Parent root = (Parent) view.root();
            root.getStyleClass().add("main-window"); // where the themes set the font size
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().setAll(theme.stylesheets());
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            return (ScrollPane) scene.lookup("#settings-panel");
        });
        await(() -> {
            laidOut(panel);
            return panel.getScene().getWidth() == width && panel.getScene().getHeight() == height;
        });
        return panel;
    }

    private static void laidOut(ScrollPane panel) {
        panel.getScene().getRoot().applyCss();
        panel.getScene().getRoot().layout();
    }

    /** {@code id}'s bounds in the scene, after a layout. */
    private static Bounds at(ScrollPane panel, String id) {
        laidOut(panel);
        Node node = panel.lookup("#" + id);
        return node.localToScene(node.getLayoutBounds());
    }

    /**
     * Play's y, the panel's arrangement and the data set box's least width stay as they were while the widest values
     * are chosen: fashion-mnist, conv-small, an own data set with a long file name, and back (the choice of layout
     * came from the chosen texts, so a wider value switched it).
     */
    @Test
    void playStaysPutWhateverValuesAreChosen(@TempDir Path folder) throws Exception {
        String ownFile = folder.resolve("two-rings-points-of-week-3.csv").toString();
        DatasetInfo own = new DatasetInfo(ownFile, DatasetInfo.Kind.OWN, "your data set " + ownFile,
                List.of("0", "1"), new int[] {2}, 123_456, 45_678, 0, ownFile, 0);
        for (Object[] size : SIZES) {
            ScrollPane panel = show((double) size[0], (double) size[1], (AppTheme) size[2]);
            String where = size[0] + "×" + size[1] + " " + size[2] + ": ";
            double play = fx(() -> at(panel, "play").getMinY());
            ControlsPanel.Arrangement arrangement = fx(() -> ((ControlsPanel) panel.getContent()).arrangement());
            Control dataset = fx(() -> (Control) panel.lookup("#setting-dataset"));
            double datasetWidth = fx(() -> dataset.minWidth(-1));
            double splitHeight = fx(() -> at(panel, "split").getHeight());
            fx(() -> {
                model.form().knowOwnData(own);
                return true;
            });
            for (String[] choice : new String[][] {{"dataset", "fashion-mnist"}, {"arch", "conv-small"},
                {"dataset", ownFile}, {"arch", "mlp-2d"}, {"dataset", "glyphs"}, {"arch", "mlp"}}) {
                String what = where + choice[0] + " " + choice[1] + ": ";
                fx(() -> {
                    model.form().field(SettingsTable.byName(choice[0]).orElseThrow()).textProperty().set(choice[1]);
                    return true;
                });
                assertEquals(play, fx(() -> at(panel, "play").getMinY()), 0.5, what + "Play moved");
                assertEquals(arrangement, fx(() -> ((ControlsPanel) panel.getContent()).arrangement()),
                        what + "the panel was rearranged");
                assertEquals(datasetWidth, fx(() -> dataset.minWidth(-1)), 0.5, what + "the data set box's width");
                assertEquals(splitHeight, fx(() -> at(panel, "split").getHeight()), 0.5, what + "the split note");
            }
        }
    }

    /** One batch and Reset stay where they are when Play becomes Pause and Start new run (it kept its text's width). */
    @Test
    void oneBatchStaysPutWhenPlayChangesItsText() throws Exception {
        for (Object[] size : SIZES) {
            ScrollPane panel = show((double) size[0], (double) size[1], (AppTheme) size[2]);
            String where = size[0] + "×" + size[1] + " " + size[2] + ": ";
            double step = fx(() -> at(panel, "step").getMinX());
            double reset = fx(() -> at(panel, "reset").getMinX());
            fx(() -> {
                model.playPause();
                return true;
            });
            assertEquals("Pause", fx(() -> model.playLabelProperty().get()), where + "Play did not start");
            assertEquals(step, fx(() -> at(panel, "step").getMinX()), 0.5, where + "One batch moved for Pause");
            assertEquals(reset, fx(() -> at(panel, "reset").getMinX()), 0.5, where + "Reset moved for Pause");
            fx(() -> {
                model.playPause();
                model.form().field(SettingsTable.TIME_STEPS).textProperty().set("8");
                return true;
            });
            assertEquals("Start new run", fx(() -> model.playLabelProperty().get()), where + "no new run proposed");
            assertEquals(step, fx(() -> at(panel, "step").getMinX()), 0.5, where + "One batch moved");
        }
    }

    /**
     * A preset refused for the data set is marked with the reason in a tooltip that wraps (one line of about 230
     * characters ran off a 1024 px screen), as every tooltip of the form does.
     */
    @Test
    void aRefusalsTooltipWrapsAsEveryTooltipOfTheForm() throws Exception {
        ScrollPane panel = show(1024, 768, AppTheme.CLASSROOM);
        fx(() -> {
            model.form().field(SettingsTable.DATASET).textProperty().set("fashion-mnist");
            model.form().field(SettingsTable.ARCH).textProperty().set("mlp-2d");
            return true;
        });
        Control preset = fx(() -> (Control) panel.lookup("#setting-arch"));
        assertTrue(fx(() -> preset.getStyleClass().contains("invalid")), "the preset is not marked");
        Tooltip refusal = fx(preset::getTooltip);
        assertTrue(fx(refusal::getText).contains("mlp-2d"), fx(refusal::getText));
        for (org.mpbnlab.train.settings.Setting<?> setting : SettingsTable.all()) {
            Control input = fx(() -> (Control) panel.lookup("#setting-" + setting.name()));
            Tooltip tip = fx(input::getTooltip);
            assertTrue(fx(tip::isWrapText), setting.name() + "'s tooltip does not wrap");
            double widest = fx(tip::getMaxWidth);
            double em = fx(() -> tip.getFont().getSize());
            assertTrue(widest > 0 && widest <= 40 * em, setting.name() + "'s tooltip may be " + widest + " px wide");
        }
    }

    /**
     * In classroom fonts on a projector the Runs tab shows at least four of six one-line runs whole (it showed three
     * at 1280 × 720), and its notes end above Play, never cut by the buttons (or scroll inside the tab).
     */
    @Test
    void theRunsTabShowsFourWholeRunsAndItsNotesAboveThePlayRow() throws Exception {
        for (double[] size : new double[][] {{1280, 720}, {1024, 768}}) {
            ScrollPane panel = show(size[0], size[1], AppTheme.CLASSROOM);
            String where = size[0] + "×" + size[1] + " classroom: ";
            assertEquals(ControlsPanel.Arrangement.ALL_AS_TABS,
                    fx(() -> ((ControlsPanel) panel.getContent()).arrangement()), where);
            fx(() -> {
                for (int run = 2; run <= 6; run++) {
                    model.form().field(SettingsTable.TIME_STEPS).textProperty().set(String.valueOf(run + 3));
                    model.reset();
                }
                for (RecordingRunControl session : sessions) {
                    session.listener.published(new SessionSnapshot(session.plan, SessionState.PAUSED, 30, 374, 0,
                            TrainingCurves.empty(), List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0,
                            ""));
                }
                TabPane tabs = (TabPane) panel.lookup("#settings-groups");
                tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
                return true;
            });
            ListView<?> runs = fx(() -> (ListView<?>) panel.lookup("#runs"));
            assertEquals(6, fx(() -> runs.getItems().size()), where + "runs made");
            await(() -> {
                laidOut(panel);
                return wholeRows(runs) >= 1;
            });
            double row = fx(() -> rowHeight(runs));
            double insets = fx(() -> runs.snappedTopInset() + runs.snappedBottomInset());
            assertTrue(fx(() -> runs.minHeight(-1)) >= 4 * row + insets - 0.5, where + "the list may shrink below four rows of "
                    + row + " px: " + fx(() -> runs.minHeight(-1)));
            assertTrue(fx(() -> wholeRows(runs)) >= 4, where + "whole runs in view: " + fx(() -> wholeRows(runs)));
            // Remove selected run is greyed out for the current run (a click on it did nothing), not for an earlier one
            Node remove = fx(() -> panel.lookup("#remove-run"));
            fx(() -> {
                runs.getSelectionModel().selectLast();
                return true;
            });
            assertTrue(fx(remove::isDisabled), where + "Remove selected run offered for the current run");
            fx(() -> {
                runs.getSelectionModel().selectFirst();
                return true;
            });
            assertTrue(!fx(remove::isDisabled), where + "Remove selected run refused for an earlier run");
            double playTop = fx(() -> at(panel, "play").getMinY());
            for (String id : List.of("save-state", "save-model-button", "run-status")) {
                assertTrue(fx(() -> at(panel, id).getMaxY()) <= playTop + 0.5, where + id + " ends under Play's top");
            }
        }
    }

    /** The list's rows that are wholly in its view. */
    private static int wholeRows(ListView<?> runs) {
        Bounds list = runs.localToScene(runs.getLayoutBounds());
        double top = list.getMinY() + runs.snappedTopInset();
        double bottom = list.getMaxY() - runs.snappedBottomInset();
        int whole = 0;
        for (Node node : runs.lookupAll(".list-cell")) {
            ListCell<?> cell = (ListCell<?>) node;
            Bounds b = cell.localToScene(cell.getLayoutBounds());
            if (cell.isVisible() && !cell.isEmpty() && b.getMinY() >= top - 0.5 && b.getMaxY() <= bottom + 0.5) {
                whole++;
            }
        }
        return whole;
    }

    /** The height of a run's row in the list. */
    private static double rowHeight(ListView<?> runs) {
        return runs.lookupAll(".list-cell").stream().filter(n -> !((ListCell<?>) n).isEmpty())
                .mapToDouble(n -> n.getLayoutBounds().getHeight()).max().orElse(0);
    }
}
