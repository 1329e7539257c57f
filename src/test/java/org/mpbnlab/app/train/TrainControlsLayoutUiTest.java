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
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.StageSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.charts.ChartRenderer;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Train view's left panel takes the first arrangement that fits ({@link ControlsPanel}): stacked when the
 * window is high enough, the settings as tabs with the run's state and runs under them when it is not, and
 * everything as tabs only when even that is too high; and in every arrangement the note under Play ends above the
 * panel's bottom (issue 11 #14: in classroom fonts its last line fell under the panel, because the Runs tab's list
 * made the tabs too tall to give way).
 */
@ExtendWith(ApplicationExtension.class)
class TrainControlsLayoutUiTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private Stage stage;

    private StageSize size;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        size = StageSize.of(stage);
    }

    @AfterEach
    void giveTheStageBack() throws Exception {
        size.restore();
    }

    /** The Train view of the sample model (its note under Play is four lines long) in a scene of the given size. */
    private TrainViewModel model;

    private ScrollPane show(double width, double height, AppTheme theme) throws Exception {
        RunSettings sample = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs")
                .with(SettingsTable.ARCH, "mlp");
        ScrollPane panel = fx(() -> {
            model = new TrainViewModel(RegistryDataCatalog.standard(),
                    RecordingRunControl.factory(sessions), Runnable::run, new RunPlan(sample, SAMPLE));
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
            panel.getScene().getRoot().applyCss();
            panel.getScene().getRoot().layout();
            return panel.getScene().getWidth() == width && panel.getScene().getHeight() == height;
        });
        return panel;
    }

    private static ControlsPanel controls(ScrollPane panel) {
        return (ControlsPanel) panel.getContent();
    }

    /** Where {@code id}'s bottom is, and the panel's visible bottom, in scene coordinates. */
    private static double[] bottoms(ScrollPane panel, String id) {
        Node node = panel.lookup("#" + id);
        Bounds shown = node.localToScene(node.getLayoutBounds());
        Bounds visible = panel.localToScene(panel.getLayoutBounds());
        return new double[] {shown.getMaxY(), visible.getMaxY()};
    }

    @Test
    void aHighWindowStacksTheSettingsAndShowsTheRunsUnderThem() throws Exception {
        ScrollPane panel = show(1400, 1100, AppTheme.NORMAL);
        assertEquals(ControlsPanel.Arrangement.STACKED, fx(() -> controls(panel).arrangement()));
        double[] runs = fx(() -> bottoms(panel, "save-model-button"));
        assertTrue(runs[0] <= runs[1], "Save model below the panel's bottom: " + runs[0] + " > " + runs[1]);
    }

    /**
     * Choosing conv-small (a wider value than mlp) keeps two fields per row where they still fit, and the rows
     * never run into the buttons under them (they overlapped when the rows changed while being laid out).
     */
    @Test
    void aWiderChosenValueNeitherOverlapsTheButtonsNorUnstacksTheSettings() throws Exception {
        ScrollPane panel = show(1400, 1100, AppTheme.NORMAL);
        fx(() -> {
            model.form().field(SettingsTable.ARCH).textProperty().set("conv-small");
            return true;
        });
        await(() -> {
            panel.getScene().getRoot().applyCss();
            panel.getScene().getRoot().layout();
            return true;
        });
        assertEquals(ControlsPanel.Arrangement.STACKED, fx(() -> controls(panel).arrangement()));
        double[] seed = fx(() -> bottoms(panel, "setting-seed"));
        double playTop = fx(() -> {
            Node play = panel.lookup("#play");
            return play.localToScene(play.getLayoutBounds()).getMinY();
        });
        assertTrue(seed[0] <= playTop, "the last setting ends at " + seed[0] + ", under Play's top " + playTop);
        Node preset = fx(() -> panel.lookup("#setting-arch"));
        Node timeSteps = fx(() -> panel.lookup("#setting-timesteps"));
        assertEquals(fx(() -> preset.localToScene(preset.getLayoutBounds()).getMinY()),
                fx(() -> timeSteps.localToScene(timeSteps.getLayoutBounds()).getMinY()), 1.0,
                "preset and T share a row");
    }

    @Test
    void aLowerWindowShowsTheSettingsAsTabsAndKeepsTheRunStateAndRunsInView() throws Exception {
        ScrollPane panel = show(1280, 720, AppTheme.NORMAL);
        assertEquals(ControlsPanel.Arrangement.SETTINGS_AS_TABS, fx(() -> controls(panel).arrangement()));
        for (String id : List.of("run-status", "runs", "save-model-button", "next-run")) {
            double[] bottom = fx(() -> bottoms(panel, id));
            assertTrue(bottom[0] <= bottom[1], id + " below the panel's bottom: " + bottom[0] + " > " + bottom[1]);
        }
        fx(() -> {
            // the widest data set name chosen: the number fields beside it keep their five characters
            model.form().field(SettingsTable.DATASET).textProperty().set("fashion-mnist");
            return true;
        });
        await(() -> {
            panel.getScene().getRoot().applyCss();
            panel.getScene().getRoot().layout();
            return true;
        });
        for (String id : List.of("setting-train-samples", "setting-data-seed")) {
            javafx.scene.control.TextField field = fx(() -> (javafx.scene.control.TextField) panel.lookup("#" + id));
            assertTrue(fx(() -> field.getWidth() >= field.prefWidth(-1) - 1), id + " squeezed to "
                    + fx(field::getWidth) + " px");
        }
    }

    @Test
    void inClassroomFontsTheNoteUnderPlayEndsAboveThePanelsBottom() throws Exception {
        for (double height : new double[] {768, 640}) {
            ScrollPane panel = show(1024, height, AppTheme.CLASSROOM);
            assertEquals(ControlsPanel.Arrangement.ALL_AS_TABS, fx(() -> controls(panel).arrangement()));
            double[] note = fx(() -> bottoms(panel, "next-run"));
            assertTrue(note[0] <= note[1], "at 1024×" + height + " the note under Play ends at " + note[0]
                    + ", under the panel's bottom " + note[1]);
            assertTrue(fx(() -> controls(panel).getHeight() <= panel.getViewportBounds().getHeight()),
                    "the panel needs scrolling");
        }
    }

    /**
     * Play, One batch and Reset stay where they are while messages under them come and go: an invalid seed, One batch
     * refused for it, the seed corrected (issue 11: the tester's click on One batch hit empty space, because each
     * message moved the buttons; a red message pushed them under the status bar at 1024 × 768 in classroom fonts).
     */
    @Test
    void theRunButtonsStayPutWhileMessagesComeAndGo() throws Exception {
        for (Object[] size : new Object[][] {{1024.0, 768.0, AppTheme.CLASSROOM}, {1280.0, 720.0, AppTheme.NORMAL},
            {1280.0, 720.0, AppTheme.CLASSROOM}}) {
            ScrollPane panel = show((double) size[0], (double) size[1], (AppTheme) size[2]);
            String where = size[0] + "×" + size[1] + " " + size[2] + ": ";
            double[] before = fx(() -> buttonsAt(panel));
            List<Runnable> changes = List.of(
                () -> model.form().field(SettingsTable.SEED).textProperty().set("abc"),
                () -> model.step(),
                () -> model.form().field(SettingsTable.SEED).textProperty().set("0"));
            for (Runnable change : changes) {
                double[] after = fx(() -> {
                    change.run();
                    return buttonsAt(panel);
                });
                assertEquals(before[0], after[0], 0.5, where + "Play moved");
                assertEquals(before[1], after[1], 0.5, where + "One batch moved");
                double[] note = fx(() -> bottoms(panel, "run-messages"));
                assertTrue(note[0] <= note[1] + 0.5, where + "the messages end under the panel's bottom");
            }
        }
    }

    /**
     * Play, One batch and Reset stay where they are when a preset is refused for the user's own data and when the run
     * then started fails, and the failed run's Remove this run is in view (issue 11, tester: the red text under the
     * buttons pushed them 94 px up at 1024 × 768 classroom, and Remove this run was under the panel's bottom edge).
     */
    @Test
    void theRunButtonsStayPutWhenARunIsRefusedOrFailsAndRemoveIsInView(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        String points = java.nio.file.Files.writeString(folder.resolve("pts5.csv"), "x,y,label\n").toString();
        DatasetInfo own = new DatasetInfo(points, DatasetInfo.Kind.OWN, "your data set " + points, List.of("0", "1"),
                new int[] {2}, 320, 80, 0, points, 0);
        for (Object[] size : new Object[][] {{1024.0, 768.0, AppTheme.CLASSROOM}, {1280.0, 720.0, AppTheme.NORMAL},
            {1280.0, 720.0, AppTheme.CLASSROOM}}) {
            ScrollPane panel = show((double) size[0], (double) size[1], (AppTheme) size[2]);
            String where = size[0] + "×" + size[1] + " " + size[2] + ": ";
            fx(() -> {
                model.form().knowOwnData(own);
                model.form().field(SettingsTable.ARCH).textProperty().set("conv-small");
                model.form().field(SettingsTable.DATASET).textProperty().set(points);
                return true;
            });
            double[] before = fx(() -> buttonsAt(panel));
            javafx.scene.control.ComboBox<?> dataset = fx(() -> (javafx.scene.control.ComboBox<?>)
                    panel.lookup("#setting-dataset"));
            assertEquals("pts5.csv (own)", fx(() -> dataset.getButtonCell().getText()), where + "the data set box");
            assertEquals("", String.join("\n", fx(() -> LayoutAudit.audit(dataset))), where + "the data set box");
            double[] refused = fx(() -> {
                model.playPause(); // refused: conv-small does not take points
                return buttonsAt(panel);
            });
            assertEquals(before[0], refused[0], 0.5, where + "Play moved when it was refused");
            // "Correct the setting marked in red": the preset is marked, and its group is shown
            Node preset = fx(() -> panel.lookup("#setting-arch"));
            assertTrue(fx(() -> preset.getStyleClass().contains("invalid")), where + "the preset is not marked");
            assertTrue(fx(() -> shown(preset)), where + "the marked preset is on a hidden tab");
            fx(() -> {
                model.form().field(SettingsTable.ARCH).textProperty().set("mlp-2d");
                return true;
            });
            before = fx(() -> buttonsAt(panel));
            for (Runnable change : List.<Runnable>of(() -> model.playPause(), () -> {
                RecordingRunControl broken = sessions.get(sessions.size() - 1);
                broken.listener.published(new SessionSnapshot(broken.plan, SessionState.FAILED, 0, 0, 0,
                        TrainingCurves.empty(), List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0,
                        "could not train: " + points + ", line 2: y is 'abc', not a finite number"));
            })) {
                double[] after = fx(() -> {
                    change.run();
                    return buttonsAt(panel);
                });
                assertEquals(before[0], after[0], 0.5, where + "Play moved when the run started or failed");
                assertEquals(before[1], after[1], 0.5, where + "One batch moved when the run started or failed");
            }
            assertTrue(fx(() -> panel.lookup("#failure-box").isVisible()), where + "no failure shown");
            double[] remove = fx(() -> {
                panel.getScene().getRoot().layout();
                return bottoms(panel, "remove-failed-run");
            });
            assertTrue(remove[0] <= remove[1] + 0.5, where + "Remove this run under the panel's bottom: " + remove[0]
                    + " > " + remove[1]);
            assertEquals("", String.join("\n", fx(() -> LayoutAudit.audit(panel.lookup("#remove-failed-run")))),
                    where + "Remove this run is hidden");
        }
    }

    /** True when {@code node} and everything it is in are visible (not on a tab that is not selected). */
    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Play's and One batch's top left corners (x, y of each) after a layout. */
    private static double[] buttonsAt(ScrollPane panel) {
        panel.getScene().getRoot().applyCss();
        panel.getScene().getRoot().layout();
        Node play = panel.lookup("#play");
        Node step = panel.lookup("#step");
        Bounds p = play.localToScene(play.getLayoutBounds());
        Bounds s = step.localToScene(step.getLayoutBounds());
        return new double[] {p.getMinY(), s.getMinY(), p.getMinX(), s.getMinX()};
    }
}
