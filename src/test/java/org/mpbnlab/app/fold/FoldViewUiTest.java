package org.mpbnlab.app.fold;

import static org.mpbnlab.app.FxThread.fx;
import static org.mpbnlab.app.FxThread.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.shell.AppContext;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.StageSize;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Fold tab in the whole window, headless on Monocle, on the spirals sample model. */
@ExtendWith(ApplicationExtension.class)
class FoldViewUiTest {

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        RegistryDataCatalog catalog = RegistryDataCatalog.standard();
        window = new MainWindow(new AppContext(catalog, SessionFactory.of(catalog, new SessionPacing(50, 0, 5, 64, 1, 0)),
                SampleModels.planOf(Path.of("sample-models", "spirals-mlp2d-mpbn.zip")), Platform::runLater, false));
        window.show(stage);
    }

    @AfterEach
    void closeWindow() throws Exception {
        fx(() -> {
            window.close();
            return true;
        });
    }

    @Test
    void aRunningJobsProgressBarAndCancelMoveNothingUnderTheMouse(FxRobot robot) throws Exception {
        foldTheSampleModel(robot);
        Node progress = robot.lookup("#fold-progress").query();
        Node cancel = robot.lookup("#fold-cancel").query();
        // hidden while no job runs, but in the layout: in a narrow window (1024 × 768 in classroom fonts) they need
        // a row of their own, which must not come and go with each job
        assertTrue(fx(() -> !progress.isVisible() && progress.isManaged() && cancel.isManaged()));
        fx(() -> {
            window.foldView().model().task().message("Holding the worker…");
            return true;
        });
        double subTabsBefore = fx(() -> sceneY(window.foldView().parts()));
        CountDownLatch release = new CountDownLatch(1);
        fx(() -> {
            window.foldView().model().task().run("Holding the worker", job -> {
                release.await();
                return true;
            }, done -> { });
            return true;
        });
        try {
            await(() -> window.foldView().model().task().busyProperty().get() && progress.isVisible());
            assertEquals(subTabsBefore, fx(() -> sceneY(window.foldView().parts())), 0.5,
                    "the sub-tabs stay where they were while a job shows its progress and Cancel");
        } finally {
            release.countDown();
            await(() -> !window.foldView().model().task().busyProperty().get());
        }
    }

    private static double sceneY(Node node) {
        node.getScene().getRoot().layout();
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    private void foldTheSampleModel(FxRobot robot) throws Exception {
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        robot.clickOn("#fold-tab");
        robot.clickOn("#fold-button");
        await(() -> window.foldView().sideBySide().pairProperty().get() != null
                && window.foldView().explorer().stateProperty().get() != null
                && !window.foldView().model().task().busyProperty().get());
    }

    private static int[] pixels(Node node) {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h + 2];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        out[w * h] = w;
        out[w * h + 1] = h;
        return out;
    }

    @Test
    void foldingTheSampleModelShowsIdenticalRastersSideBySideAndNoDifferentSpike(FxRobot robot) throws Exception {
        foldTheSampleModel(robot);
        robot.clickOn("#fold-side-tab");
        SideBySideViewModel side = window.foldView().sideBySide();
        int steps = fx(() -> side.pairProperty().get().left().timeSteps());
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                robot.clickOn("#side-step");
            }
            int step = t;
            await(() -> side.stepProperty().get() == step);
            int layers = fx(() -> side.pairProperty().get().left().layers().size());
            for (int l = 0; l < layers; l++) {
                String left = "#side-left-raster-" + l;
                String right = "#side-right-raster-" + l;
                int[][] both = fx(() -> new int[][] {pixels(robot.lookup(left).query()),
                    pixels(robot.lookup(right).query())});
                assertTrue(java.util.Arrays.equals(both[0], both[1]), "layer " + l + " differs at step " + t);
            }
            String counter = fx(() -> robot.lookup("#side-counter").queryAs(Label.class).getText());
            assertTrue(counter.contains("/ different 0 "), counter);
        }
        assertEquals(0L, (long) fx(side::differentSoFar));
        long compared = fx(() -> side.pairProperty().get().comparison().compared()[steps - 1]);
        assertTrue(compared > 0);
    }

    @Test
    void negativeGammaInTheExplorerPutsTheFiringRegionLeftOfTheFoldedThreshold(FxRobot robot) throws Exception {
        foldTheSampleModel(robot);
        robot.clickOn("#fold-explorer-tab");
        ExplorerViewModel explorer = window.foldView().explorer();
        double gamma = fx(() -> Math.abs(explorer.gammaProperty().get()));
        fx(() -> {
            robot.lookup("#explorer-gamma").queryAs(Slider.class).setValue(-gamma);
            return true;
        });
        await(() -> explorer.stateProperty().get().region() == ExplorerState.Region.BELOW);
        double vTilde = fx(() -> explorer.stateProperty().get().exact().threshold());
        ChartPane before = fx(() -> robot.lookup("#explorer-before").queryAs(ChartPane.class));
        // the chart drawn for the new γ: its Ṽ line is the new Ṽ
        await(() -> shadedRegion(before.chart()) != null && thresholdLine(before.chart()) == vTilde);
        IntervalMarker region = fx(() -> shadedRegion(before.chart()));
        assertNotNull(region);
        assertTrue(region.getEndValue() <= vTilde, "the firing region ends at Ṽ (or the axis' end left of it)");
        assertTrue(region.getStartValue() < region.getEndValue(), "the firing region lies left of Ṽ");
        double axisLower = fx(() -> ((XYPlot) before.chart().getPlot()).getDomainAxis().getLowerBound());
        assertEquals(axisLower, region.getStartValue(), 1e-12, "it reaches the left end of the axis");
        String caption = fx(() -> robot.lookup("#explorer-region").queryAs(Label.class).getText());
        assertTrue(caption.contains("LEFT"), caption);
    }

    /**
     * At 1280 × 720 in normal fonts the explorer fits: the rule for γ &lt; 0, a line longer than the one for γ &gt; 0,
     * is read whole, not cut at its second line with a scroll bar beside it (the sliders' pane kept the height of the
     * shorter text).
     */
    @Test
    void theRuleForNegativeGammaIsWholeAt1280x720(FxRobot robot) throws Exception {
        StageSize size = fx(() -> StageSize.of(stage));
        try {
            foldTheSampleModel(robot);
            robot.clickOn("#fold-explorer-tab");
            fx(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
                return true;
            });
            ExplorerViewModel explorer = window.foldView().explorer();
            await(() -> explorer.stateProperty().get().region() == ExplorerState.Region.ABOVE);
            robot.clickOn("#explorer-flip");
            Node pane = fx(() -> robot.lookup("#explorer-controls").query().getParent());
            await(() -> {
                pane.getScene().getRoot().layout();
                return explorer.stateProperty().get().region() == ExplorerState.Region.BELOW
                        && pane.getScene().getWidth() == 1280 && pane.getScene().getHeight() == 720
                        && LayoutAudit.shownCharts(pane).stream().allMatch(ChartPane::showsNewest);
            });
            assertEquals("", String.join("\n", fx(() -> LayoutAudit.audit(pane))));
        } finally {
            size.restore();
        }
    }

    private static IntervalMarker shadedRegion(JFreeChart chart) {
        if (chart == null || !(chart.getPlot() instanceof XYPlot plot)) {
            return null;
        }
        var markers = plot.getDomainMarkers(Layer.BACKGROUND);
        if (markers == null) {
            return null;
        }
        for (Object marker : markers) {
            if (marker instanceof IntervalMarker interval) {
                return interval;
            }
        }
        return null;
    }

    /** The value of the dashed threshold line (Ṽ on the u_pre histogram), or NaN. */
    private static double thresholdLine(JFreeChart chart) {
        if (chart == null || !(chart.getPlot() instanceof XYPlot plot)) {
            return Double.NaN;
        }
        var markers = plot.getDomainMarkers(Layer.FOREGROUND);
        if (markers != null) {
            for (Object marker : markers) {
                if (marker instanceof ValueMarker line) {
                    return line.getValue();
                }
            }
        }
        return Double.NaN;
    }
}
