package org.mpbnlab.app;

import static org.mpbnlab.app.FxThread.fx;
import static org.mpbnlab.app.FxThread.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.fold.FoldView;
import org.mpbnlab.app.shell.AppContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.app.spikes.SpikesViewModel;
import org.mpbnlab.probe.LayerRecording;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The projector (issue 11 #14) for the Spikes, Fold and Data tabs: the whole window at 1280×720 and 1024×768,
 * in the normal, classroom and high-contrast themes, each tab in a state a lesson reaches (Spikes: a sample
 * picked, playing, a neuron traced; Fold: folded, side by side, then the check of all test samples; Data: the
 * gallery of an image set; the naive fold's flips and the explorer), audited by {@link LayoutAudit}: no text cut
 * short (table headers and cells too), no choice box hiding its value, nothing outside the window or cut by its
 * container. Parts that scroll by design (the list of layers' rasters, the sample galleries,
 * the check-all report) may hold nodes below their fold; everything else must be on screen.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorViewsLayoutTest {

    /**
     * Controls that scroll by design: a node inside one may need scrolling to be seen (never be cut short, nor cut by
     * a clip inside it, such as a table's header row cutting a column header).
     */
    private static final List<String> SCROLLING_PANES = List.of("spikes-layers", "spikes-gallery",
            "fold-check-report", "explorer-controls", "data-gallery");
    /**
     * The naive fold's table of flips has twelve columns of full float digits: in the classroom's large font it
     * scrolls sideways (its headers and cells are still never cut short); in the normal font it fits.
     */
    private static final String WIDE_TABLE = "fold-flips";

    private MainWindow window;
    private Stage stage;

    @AfterEach
    void closeWindow() throws Exception {
        fx(() -> {
            if (window != null) {
                window.close();
                stage.hide();
            }
            return true;
        });
    }

    @ParameterizedTest(name = "{0}×{1}, {2}")
    @CsvSource({"1280, 720, normal", "1024, 768, normal", "1280, 720, classroom", "1024, 768, classroom",
        "1024, 768, high-contrast"})
    void spikesFoldAndDataFitTheProjector(int width, int height, String themeName) throws Exception {
        open(width, height, AppTheme.named(themeName));
        List<String> findings = new ArrayList<>();
        findings.addAll(spikesWhilePlayingWithATrace());
        findings.addAll(foldSideBySideAndCheckAll());
        findings.addAll(foldNaiveAndExplorer(themeName.equals("normal")));
        findings.addAll(data());
        assertTrue(findings.isEmpty(), width + "×" + height + " " + themeName + ":\n" + String.join("\n", findings));
    }

    private void open(int width, int height, AppTheme theme) throws Exception {
        RegistryDataCatalog catalog = RegistryDataCatalog.standard();
        RunSettings tiny = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs").with(SettingsTable.ARCH, "mlp")
                .with(SettingsTable.TIME_STEPS, 6).with(SettingsTable.BATCH, 32).with(SettingsTable.EPOCHS, 1)
                .with(SettingsTable.SEED, 5L).with(SettingsTable.TRAIN_SAMPLES, 320)
                .with(SettingsTable.TEST_SAMPLES, 64);
        fx(() -> {
            stage = new Stage();
            window = new MainWindow(new AppContext(catalog, SessionFactory.of(catalog,
                    new SessionPacing(50, 0, 5, 64, 1, 0)), RunPlan.fromRandomWeights(tiny), Platform::runLater, theme));
            window.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            return true;
        });
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        assertEquals(width, (int) Math.round(fx(() -> stage.getScene().getWidth())), "the window's width");
        assertEquals(height, (int) Math.round(fx(() -> stage.getScene().getHeight())), "the window's height");
    }

    private Tab select(String tabId) throws Exception {
        return fx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
            Tab tab = tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tab);
            return tab;
        });
    }

    /**
     * Lays the window out, waits until every chart shown in {@code part} is drawn at its size (charts are
     * drawn off the FX thread), then lays out again and audits {@code part} in one turn of the FX thread.
     */
    private List<String> audit(String where, Node part) throws Exception {
        return audit(where, part, SCROLLING_PANES);
    }

    private List<String> audit(String where, Node part, List<String> scrolling) throws Exception {
        fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return true;
        });
        await(() -> LayoutAudit.shownCharts(part).stream().allMatch(ChartPane::showsNewest));
        return fx(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            List<String> found = new ArrayList<>();
            for (String finding : LayoutAudit.audit(part, scrolling)) {
                found.add(where + ": " + finding);
            }
            return found;
        });
    }

    private List<String> spikesWhilePlayingWithATrace() throws Exception {
        Tab tab = select("spikes-tab");
        SpikesViewModel model = window.spikesView().model();
        await(() -> recordingShown() && !model.gallery().isEmpty());
        fx(() -> {
            model.selectSample(3);
            return true;
        });
        await(() -> recordingShown() && model.recordingProperty().get().sampleIndices()[0] == 3);
        fx(() -> {
            LayerRecording first = model.recordingProperty().get().layers().get(0);
            int spiking = 0;
            while (spiking < first.neurons() - 1 && !first.spiked(0, 0, spiking)) {
                spiking++;
            }
            model.toggleTrace(0, spiking);
            model.player().speedProperty().set(0.5);
            model.player().play();
            return true;
        });
        await(() -> model.player().playingProperty().get() && !model.traces().isEmpty());
        List<String> findings = audit("Spikes", tab.getContent());
        fx(() -> {
            model.player().pause();
            return true;
        });
        return findings;
    }

    private List<String> foldSideBySideAndCheckAll() throws Exception {
        Tab tab = select("fold-tab");
        FoldView fold = window.foldView();
        double tabsBeforeFold = subTabsTop(fold);
        fx(() -> {
            fold.model().fold();
            return true;
        });
        await(() -> fold.sideBySide().pairProperty().get() != null && !fold.model().task().busyProperty().get());
        fx(() -> {
            fold.parts().getSelectionModel().select(0);
            return true;
        });
        List<String> findings = new ArrayList<>(audit("Fold, side by side", tab.getContent()));
        fx(() -> {
            fold.parts().getSelectionModel().select(1);
            return true;
        });
        findings.addAll(audit("Fold, thresholds", tab.getContent()));
        fx(() -> {
            fold.parts().getSelectionModel().select(2);
            fold.check().checkAll();
            return true;
        });
        await(() -> fold.check().reportProperty().get() != null && !fold.model().task().busyProperty().get());
        findings.addAll(audit("Fold, check all", tab.getContent()));
        findings.addAll(fx(() -> checkAllReadWithoutSidewaysScrolling(stage.getScene().getRoot())));
        double tabsAfterCheck = subTabsTop(fold);
        if (Math.abs(tabsAfterCheck - tabsBeforeFold) > 1) {
            findings.add(String.format(java.util.Locale.ROOT, "Fold: the sub-tab bar moved from y %.0f (before folding)"
                    + " to y %.0f (after checking all): a click at its old place misses", tabsBeforeFold, tabsAfterCheck));
        }
        return findings;
    }

    /** The top of the Fold tab's sub-tab bar (Side by side, Thresholds, …) in the window, after layout. */
    private double subTabsTop(FoldView fold) throws Exception {
        return fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            Node header = fold.parts().lookup(".tab-header-area");
            return header.localToScene(header.getLayoutBounds()).getMinY();
        });
    }

    /**
     * The check-all report scrolls down when the window is low, never sideways: its text, tables and the margin
     * histogram are as wide as the window shows, and the totals table shows all its rows without a scroll bar.
     */
    private static List<String> checkAllReadWithoutSidewaysScrolling(Node root) {
        List<String> findings = new ArrayList<>();
        ScrollPane report = (ScrollPane) root.lookup("#fold-check-report");
        double shown = report.getViewportBounds().getWidth();
        double needed = report.getContent().getLayoutBounds().getWidth();
        if (needed > shown + 1) {
            findings.add(String.format(java.util.Locale.ROOT, "Fold, check all: the report is %.0f px wide in a %.0f px"
                    + " view: it scrolls sideways", needed, shown));
        }
        Node totals = root.lookup("#fold-check-summary");
        for (Node bar : totals.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scrollBar && scrollBar.getOrientation() == Orientation.VERTICAL
                    && scrollBar.isVisible()) {
                findings.add("Fold, check all: the totals table hides rows behind a scroll bar");
            }
        }
        return findings;
    }

    /** The naive fold's flips (switched on) and the explorer on a real channel, after {@link #foldSideBySideAndCheckAll}. */
    private List<String> foldNaiveAndExplorer(boolean normalFont) throws Exception {
        Tab tab = select("fold-tab");
        FoldView fold = window.foldView();
        fx(() -> {
            fold.parts().getSelectionModel().select(3);
            fold.naive().naiveProperty().set(true);
            return true;
        });
        await(() -> fold.naive().flipsProperty().get() != null && !fold.model().task().busyProperty().get());
        List<String> scrolling = new ArrayList<>(SCROLLING_PANES);
        if (!normalFont) {
            scrolling.add(WIDE_TABLE);
        }
        List<String> findings = new ArrayList<>(audit("Fold, naive fold", tab.getContent(), scrolling));
        fx(() -> {
            fold.naive().naiveProperty().set(false);
            fold.parts().getSelectionModel().select(4);
            fold.explorer().takeFromChannel();
            return true;
        });
        await(() -> fold.explorer().stateProperty().get() != null && !fold.model().task().busyProperty().get());
        findings.addAll(audit("Fold, explorer", tab.getContent()));
        findings.addAll(fx(() -> spinnersShowTheirLargestValue(tab.getContent())));
        return findings;
    }

    /** Every spinner under {@code part} is wide enough to show the largest value it can hold. */
    private static List<String> spinnersShowTheirLargestValue(Node part) {
        List<String> findings = new ArrayList<>();
        for (Node node : part.lookupAll(".spinner")) {
            if (node instanceof Spinner<?> spinner && spinner.isVisible()
                    && spinner.getValueFactory() instanceof javafx.scene.control.SpinnerValueFactory
                    .IntegerSpinnerValueFactory numbers) {
                javafx.scene.control.TextField editor = spinner.getEditor();
                javafx.scene.text.Text largest = new javafx.scene.text.Text(String.valueOf(numbers.getMax()));
                largest.setFont(editor.getFont());
                double room = editor.getWidth() - editor.getInsets().getLeft() - editor.getInsets().getRight();
                if (largest.getLayoutBounds().getWidth() > room + 1) {
                    findings.add(String.format(java.util.Locale.ROOT, "%s: its largest value %d needs %.0f px, the"
                            + " field shows %.0f px", LayoutAudit.path(part, spinner), numbers.getMax(),
                            largest.getLayoutBounds().getWidth(), room));
                }
            }
        }
        return findings;
    }

    private List<String> data() throws Exception {
        Tab tab = select("data-tab");
        await(() -> stage.getScene().lookup("#data-gallery") instanceof Parent gallery
                && !gallery.getChildrenUnmodifiable().isEmpty());
        return audit("Data", tab.getContent());
    }

    /** True when the view has drawn the model's newest recording (it shows a recording a layer per pulse). */
    private boolean recordingShown() {
        Recording newest = window.spikesView().model().recordingProperty().get();
        return newest != null && window.spikesView().shownRecordingProperty().get() == newest;
    }
}
