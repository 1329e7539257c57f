package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.mpbnlab.app.StageSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.shell.AppContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.MetricCurve;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Four and six runs compared on the Train view, differing in data seed, T, learning rate and starting weights (so
 * each run's legend text is long: "#1 data seed 42 · T4 · lr 0.001 · from glyphs-mlp-mpbn.zip"), at the projector's
 * sizes in normal and classroom fonts: every legend text is whole, nothing is cut or needs scrolling (six runs: only
 * the legend may scroll), and the loss and accuracy charts keep room for their curves (issue 11 #14: the legends were cut to "… · from glyph" at 1280 × 720;
 * with six runs the legend left the plots 45 px), and the list of runs shows several of them at once.
 */
@ExtendWith(ApplicationExtension.class)
class TrainLegendLayoutUiTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private Stage stage;
    private MainWindow window;
    private TrainViewModel model;
    private StageSize size;

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

    @ParameterizedTest(name = "{0}×{1}, {2}, {3} runs")
    @CsvSource({"1280, 720, normal, 4", "1024, 768, normal, 4", "1280, 720, classroom, 4", "1024, 768, classroom, 4",
            "1280, 720, normal, 6", "1024, 768, normal, 6", "1280, 720, classroom, 6", "1024, 768, classroom, 6"})
    void legendsStayWholeAndPlotsReadableAtProjectorSizes(int width, int height, String themeName, int runs)
            throws Exception {
        Parent root = showRuns(width, height, AppTheme.named(themeName), runs);
        assertEquals(runs, sessions.size(), "runs started");
        await(() -> {
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
            List<ChartPane> charts = LayoutAudit.shownCharts(root);
            return root.getScene().getWidth() == width && root.getScene().getHeight() == height
                    && charts.size() == 3 && charts.stream().allMatch(ChartPane::showsNewest);
        });
        // four runs: everything in view; six: the legend may scroll, the plots keep their room (audited as always)
        Set<String> scrolling = runs <= 4 ? Set.of() : Set.of("chart-header");
        assertEquals("", String.join("\n", fx(() -> LayoutAudit.audit(root, scrolling))));
        assertTrue(fx(() -> visibleLegendRows(root)) >= 3, () -> "at least three runs of the legend in view, "
                + "not " + visibleLegendRowsNow(root));
    }

    private static String visibleLegendRowsNow(Parent root) {
        try {
            return fx(() -> visibleLegendRows(root) + " (legend view " + root.lookup("#chart-header").getLayoutBounds()
                    + ")");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** How many entries of the legend are whole in the view above the charts. */
    private static long visibleLegendRows(Parent root) {
        Bounds view = headerView(root);
        return ((Parent) root.lookup("#run-legend")).getChildrenUnmodifiable().stream()
                .map(entry -> entry.localToScene(entry.getLayoutBounds()))
                .filter(entry -> entry.getMinY() >= view.getMinY() - 1 && entry.getMaxY() <= view.getMaxY() + 1)
                .count();
    }

    /** What the view of the notes and legend shows, in the scene: its bounds, within its content's clip if any. */
    private static Bounds headerView(Parent root) {
        Parent header = (Parent) root.lookup("#chart-header");
        Bounds own = header.localToScene(header.getLayoutBounds());
        Node content = header.getChildrenUnmodifiable().get(0);
        if (content.getClip() == null) {
            return own;
        }
        Bounds clip = content.localToScene(content.getClip().getBoundsInLocal());
        double top = Math.max(own.getMinY(), clip.getMinY());
        double bottom = Math.min(own.getMaxY(), clip.getMaxY());
        return new javafx.geometry.BoundingBox(own.getMinX(), top, own.getWidth(), Math.max(0, bottom - top));
    }

    /**
     * Six and seven runs in classroom fonts (seven: the data sets differ, so entries wrap to two lines): every line
     * of the notes and legend above the charts is whole in view or wholly out of it, never cut through its middle,
     * and the current run's entry is in view (tester: #6 was cut in half; with seven runs the current run's colour
     * was found only by scrolling).
     */
    @ParameterizedTest(name = "{0}×{1}, {2} runs")
    @CsvSource({"1280, 720, 6", "1024, 768, 6", "1280, 720, 7", "1024, 768, 7"})
    void theLegendShowsWholeRowsAndTheCurrentRun(int width, int height, int runs) throws Exception {
        Parent root = showRuns(width, height, AppTheme.CLASSROOM, runs);
        await(() -> {
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
            return root.getScene().getWidth() == width && root.getScene().getHeight() == height;
        });
        assertEquals(List.of(), fx(() -> cutLines(root)), "lines cut by the view above the charts");
        int current = fx(() -> model.currentRun().number());
        assertEquals(runs, current);
        assertTrue(fx(() -> inView(root, legendEntry(root, current))), () -> "run #" + current + "'s entry in view");
        // the user scrolls back to the top; the next run is followed again
        fx(() -> {
            ((javafx.scene.control.ScrollBar) root.lookup("#chart-header .scroll-bar")).setValue(0);
            return true;
        });
        await(() -> {
            root.getScene().getRoot().layout();
            return inView(root, legendEntry(root, 1));
        });
        assertEquals(List.of(), fx(() -> cutLines(root)), "lines cut at the top");
        fx(() -> {
            newRun(SettingsTable.SEED, "11");
            return true;
        });
        await(() -> {
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
            return legendEntry(root, runs + 1) != null;
        });
        assertTrue(fx(() -> inView(root, legendEntry(root, runs + 1))), "the new run's entry in view");
        assertEquals(List.of(), fx(() -> cutLines(root)), "lines cut after following the new run");
        // a run selected in the list of runs is shown in the legend too
        fx(() -> {
            ((ListView<?>) root.lookup("#runs")).getSelectionModel().select(0);
            return true;
        });
        await(() -> {
            root.getScene().getRoot().layout();
            return inView(root, legendEntry(root, 1));
        });
        assertEquals(List.of(), fx(() -> cutLines(root)), "lines cut after following the selected run");
    }

    /** The texts above the charts (notes, legend entries, shared settings) that the view shows only in part. */
    private static List<String> cutLines(Parent root) {
        Bounds view = headerView(root);
        List<Node> lines = new ArrayList<>(List.of(root.lookup("#chart-notes"), root.lookup("#shared-settings")));
        lines.addAll(((Parent) root.lookup("#run-legend")).getChildrenUnmodifiable());
        List<String> cut = new ArrayList<>();
        for (Node line : lines) {
            Bounds box = line.localToScene(line.getLayoutBounds());
            boolean whole = box.getMinY() >= view.getMinY() - 1 && box.getMaxY() <= view.getMaxY() + 1;
            boolean out = box.getMaxY() <= view.getMinY() + 1 || box.getMinY() >= view.getMaxY() - 1;
            if (line.isVisible() && line.isManaged() && box.getHeight() > 0 && !whole && !out) {
                cut.add(((javafx.scene.control.Label) line).getText() + " at y " + box.getMinY() + "–"
                        + box.getMaxY() + ", view " + view.getMinY() + "–" + view.getMaxY());
            }
        }
        return cut;
    }

    private static boolean inView(Parent root, Node entry) {
        Bounds view = headerView(root);
        Bounds box = entry.localToScene(entry.getLayoutBounds());
        return box.getMinY() >= view.getMinY() - 1 && box.getMaxY() <= view.getMaxY() + 1;
    }

    private static Node legendEntry(Parent root, int number) {
        return ((Parent) root.lookup("#run-legend")).getChildrenUnmodifiable().stream()
                .filter(entry -> ((javafx.scene.control.Label) entry).getText().startsWith("#" + number + " "))
                .findFirst().orElse(null);
    }

    /**
     * The whole window, as the app shows it (its menu, tabs and status bar take their height too), {@code width ×
     * height} in {@code theme}, with {@code runs} runs (4, 6 or 7) made one after the other; returns the Train view.
     */
    private Parent showRuns(int width, int height, AppTheme theme, int runs) throws Exception {
        return fx(() -> {
            RunSettings sample = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs")
                    .with(SettingsTable.ARCH, "mlp");
            window = new MainWindow(new AppContext(RegistryDataCatalog.standard(), RecordingRunControl.factory(sessions),
                    new RunPlan(sample, SAMPLE), Runnable::run, theme));
            window.show(stage);
            stage.setWidth(width);
            stage.setHeight(height);
            model = window.trainModel();
            // the runs start with the view shown, as in the app (the view draws what changes)
            publishReady();
            newRun(SettingsTable.LEARNING_RATE, "0.01");
            newRun(SettingsTable.TIME_STEPS, "8");
            newRun(SettingsTable.DATA_SEED, "7");
            if (runs >= 6) {
                newRun(SettingsTable.TAU, "0.5");
                newRun(SettingsTable.THRESHOLD, "0.4");
            }
            if (runs == 7) {
                // another data set: every entry names its data set, and long ones wrap to two lines
                model.form().field(SettingsTable.ARCH).textProperty().set("mlp-2d");
                newRun(SettingsTable.DATASET, "moons");
            }
            TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
            return (Parent) tabs.getTabs().get(0).getContent();
        });
    }

    /**
     * Six runs in classroom fonts at the projector's sizes: the Runs sub-tab's list shows at least four of them whole
     * at once (each entry wrapped to five lines, and the list showed less than one run).
     */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1280, 720", "1024, 768"})
    void theRunListShowsSeveralRunsAtOnceInClassroomFonts(int width, int height) throws Exception {
        Parent root = showRuns(width, height, AppTheme.CLASSROOM, 6);
        ListView<?> list = fx(() -> {
            TabPane settings = (TabPane) root.lookup("#settings-panel .tab-pane");
            settings.getSelectionModel().select(settings.getTabs().stream()
                    .filter(tab -> "settings-group-runs".equals(tab.getId())).findFirst().orElseThrow());
            return (ListView<?>) root.lookup("#runs");
        });
        await(() -> {
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
            return list.isVisible() && list.getScene().getHeight() == height;
        });
        // the current run (the newest) is the one selected, and whole in view (tester 7: #1-#4 shown, #6 out of sight)
        assertEquals(5, fx(() -> list.getSelectionModel().getSelectedIndex()), "the current run is selected");
        await(() -> {
            list.getScene().getRoot().applyCss();
            list.getScene().getRoot().layout();
            return currentEntryWhole(list);
        });
        // room for four whole runs (counted from the top of the list)
        fx(() -> {
            list.scrollTo(0);
            list.layout();
            return null;
        });
        assertTrue(fx(() -> wholeEntries(list)) >= 4, () -> "runs whole in the list: " + describe(list));
    }

    /** True when the list's selected entry is shown whole inside it. */
    private static boolean currentEntryWhole(ListView<?> list) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return list.lookupAll(".list-cell").stream().map(ListCell.class::cast)
                .filter(cell -> !cell.isEmpty() && cell.isVisible() && cell.getIndex() == list.getSelectionModel()
                        .getSelectedIndex())
                .map(cell -> cell.localToScene(cell.getLayoutBounds()))
                .anyMatch(cell -> cell.getMinY() >= view.getMinY() - 1 && cell.getMaxY() <= view.getMaxY() + 1);
    }

    /** How many of the list's entries are shown whole inside it. */
    private static long wholeEntries(ListView<?> list) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return list.lookupAll(".list-cell").stream().map(ListCell.class::cast)
                .filter(cell -> !cell.isEmpty() && cell.getItem() != null && cell.isVisible())
                .map(cell -> cell.localToScene(cell.getLayoutBounds()))
                .filter(cell -> cell.getMinY() >= view.getMinY() - 1 && cell.getMaxY() <= view.getMaxY() + 1)
                .count();
    }

    private static String describe(ListView<?> list) {
        try {
            return fx(() -> wholeEntries(list) + " of " + list.getItems().size() + " in a list "
                    + list.getHeight() + " px high");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Changes {@code setting} on the form and trains one batch: a new run with those settings. */
    private void newRun(Setting<?> setting, String value) {
        model.form().field(setting).textProperty().set(value);
        model.step();
        publishReady();
    }

    /** The newest run pauses after 20 iterations, with curves and the firing rates of the sample's two LIF layers. */
    private void publishReady() {
        RecordingRunControl session = sessions.get(sessions.size() - 1);
        long[] iterations = {0, 10, 20};
        TrainingCurves curves = new TrainingCurves(new MetricCurve("train loss", iterations, new double[] {2.3, 1.9, 1.6}),
                new MetricCurve("train accuracy", iterations, new double[] {0.1, 0.3, 0.5}),
                new MetricCurve("test loss", iterations, new double[] {2.3, 1.8, 1.5}),
                new MetricCurve("test accuracy", iterations, new double[] {0.1, 0.35, 0.55}),
                List.of(new MetricCurve("LIF 1", iterations, new double[] {0.37, 0.36, 0.35}),
                        new MetricCurve("LIF 2", iterations, new double[] {0.35, 0.34, 0.33})));
        session.listener.published(new SessionSnapshot(session.plan, SessionState.PAUSED, 20, 374, 0, curves,
                List.of("LIF 1 · 512 dense", "LIF 2 · 256 dense"), null, List.of(), StatisticsSource.TRAINING_BATCH,
                0, ""));
    }
}
