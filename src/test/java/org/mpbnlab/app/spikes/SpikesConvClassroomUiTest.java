package org.mpbnlab.app.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.TinyWindow;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The Spikes tab of a conv model in the classroom theme at 1024×768 (a window of its own, so the shared test stage
 * keeps its size): its long neuron names and its scrolling panels of channel maps.
 */
@ExtendWith(ApplicationExtension.class)
class SpikesConvClassroomUiTest {

    private static final int WIDTH = 1024;
    private static final int HEIGHT = 768;

    private MainWindow window;
    private Stage stage;

    @BeforeEach
    void open() throws Exception {
        RunSettings conv = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs")
                .with(SettingsTable.ARCH, "conv-small").with(SettingsTable.TIME_STEPS, 2).with(SettingsTable.BATCH, 16)
                .with(SettingsTable.EPOCHS, 1).with(SettingsTable.SEED, 5L).with(SettingsTable.TRAIN_SAMPLES, 64)
                .with(SettingsTable.TEST_SAMPLES, 16);
        fx(() -> {
            stage = new Stage();
            window = new MainWindow(TinyWindow.context(RunPlan.fromRandomWeights(conv), AppTheme.named("classroom"),
                    false));
            window.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return true;
        });
        await(() -> window.trainModel().snapshotProperty().get() != null
                && window.trainModel().snapshotProperty().get().state() == SessionState.READY);
        fx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
            Tab spikes = tabs.getTabs().stream().filter(t -> "spikes-tab".equals(t.getId())).findFirst().orElseThrow();
            tabs.getSelectionModel().select(spikes);
            return true;
        });
        await(this::recordingShown);
        assertEquals(WIDTH, (int) Math.round(fx(() -> stage.getScene().getWidth())), "the window's width");
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            window.close();
            stage.hide();
            return true;
        });
    }

    /**
     * Last session's fix, kept: a traced neuron's long name ("LIF 1 · channel 32, y 28, x 28 = 0.u_pre[:, s, 31,
     * 27, 27]") wraps in the legend. Before it, the legend was never narrower than its longest name on one line, so
     * in a projector's large font one trace widened the view past the window and pushed the input and the logits off
     * screen. Headless fonts are smaller than a real screen's, so instead of "off screen" this asks the cause: adding
     * traces with the longest names of the model never raises the least width the view needs.
     */
    @Test
    void longTraceNamesWrapInsteadOfWideningTheView() throws Exception {
        SpikesView view = window.spikesView();
        double before = leastWidth(view);
        fx(() -> {
            Recording recording = view.model().recordingProperty().get();
            for (int layer = 0; layer < 2; layer++) {
                view.model().toggleTrace(layer, recording.layers().get(layer).neurons() - 1);
            }
            return true;
        });
        Region legend = fx(() -> (Region) view.root().lookup("#trace-legend"));
        await(() -> legend.getChildrenUnmodifiable().size() == 2);
        String longest = fx(() -> ((javafx.scene.control.Label) legend.getChildrenUnmodifiable().get(0)).getText());
        assertTrue(longest.contains("channel 32, y 28, x 28 = 0.u_pre[:, s, 31, 27, 27]"), longest);
        double after = leastWidth(view);
        assertEquals(before, after, 0.5, "two traces changed the least width the Spikes view needs");
        assertTrue(fx(() -> legend.minWidth(-1)) < 1, "the legend may be as narrow as the view");
        fx(() -> {
            for (Node entry : legend.getChildrenUnmodifiable()) {
                Bounds box = entry.localToScene(entry.getLayoutBounds());
                assertTrue(box.getMaxX() <= WIDTH, "a legend entry ends at " + box.getMaxX());
            }
            Bounds logits = view.logits().localToScene(view.logits().getLayoutBounds());
            assertTrue(logits.getMaxX() <= WIDTH, "the logits end at " + logits.getMaxX());
            return true;
        });
    }

    /**
     * Adding traces by number moves nothing a teacher clicks next: at 1024×768 in the classroom theme the first
     * trace's two legend lines pushed the "Add trace" button up by 50 px, and a refused number's message did too. The
     * row to add a trace is at the bottom of the view; the legend and the message come above it. (A message with two
     * traces of long names is more than the window's height holds at this size: the view then overflows.)
     */
    @Test
    void addingTracesOrARefusedNumberLeaveTheAddButtonWhereItIs() throws Exception {
        SpikesView view = window.spikesView();
        Node add = fx(() -> view.root().lookup("#trace-add"));
        double before = sceneTop(add);
        fx(() -> view.model().toggleTraceByNumber(0, "99999"));
        Node problem = fx(() -> view.root().lookup("#trace-problem"));
        await(problem::isVisible);
        assertEquals(before, sceneTop(add), 0.5, "the refused number's message moved Add trace");
        fx(() -> view.model().toggleTraceByNumber(1, "1"));
        Region legend = fx(() -> (Region) view.root().lookup("#trace-legend"));
        await(() -> legend.getChildrenUnmodifiable().size() == 1 && !problem.isVisible());
        assertEquals(before, sceneTop(add), 0.5, "the first trace moved Add trace");
        fx(() -> view.model().toggleTraceByNumber(0, "1"));
        await(() -> legend.getChildrenUnmodifiable().size() == 2);
        assertEquals(before, sceneTop(add), 0.5, "the second trace moved Add trace");
        assertTrue(fx(() -> legend.getHeight()) > 0, "the legend shows the traces");
    }

    /** The top of {@code node} in the scene, after the window's CSS and layout. */
    private double sceneTop(Node node) throws Exception {
        return fx(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            return node.localToScene(node.getLayoutBounds()).getMinY();
        });
    }

    /**
     * Issue 11 (S3): with the mouse at rest on LIF 1's maps, wheel clicks scrolled LIF 2's maps under it while the
     * tooltip still named LIF 1's neuron. The maps' tooltips follow the panels: LIF 2's names the neuron under the
     * mouse, LIF 1's no longer names one.
     */
    @Test
    void aChannelMapTooltipNamesTheNeuronUnderTheMouseAfterTheWheelScrolledThePanels(FxRobot robot) throws Exception {
        SpikesView view = window.spikesView();
        ScrollPane scroller = fx(() -> (ScrollPane) view.root().lookup("#spikes-layers"));
        Point2D mouse = fx(() -> lowestPointOnACell(view.maps(0), scroller));
        robot.moveTo(mouse);
        await(() -> view.mapsTooltip(0).contains("\nHere: LIF 1 · channel "));
        for (int click = 0; click < 200 && !fx(() -> onACell(view.maps(1), mouse)); click++) {
            assertTrue(fx(() -> scroller.getVvalue() < scroller.getVmax()), "scrolled to the end before LIF 2's maps came");
            wheelClickDown(view.maps(0), mouse);
        }
        String lif2 = fx(() -> view.mapsTooltip(1));
        assertTrue(lif2.contains("\nHere: LIF 2 · channel "), "LIF 2's maps are under the mouse: " + lif2);
        String lif1 = fx(() -> view.mapsTooltip(0));
        assertFalse(lif1.contains("Here:"), "LIF 1's maps are no longer under the mouse: " + lif1);
    }

    /**
     * One click of the mouse wheel, down, with the mouse at rest at the screen point {@code mouse}: the scroll event
     * the window gets from the wheel, fired at {@code under} (TestFX's robot cannot turn the headless screen's wheel).
     * It bubbles up to the scrolling pane, which scrolls as for a real wheel.
     */
    private static void wheelClickDown(Node under, Point2D mouse) throws Exception {
        fx(() -> {
            Point2D local = under.screenToLocal(mouse);
            Point2D scene = under.localToScene(local);
            javafx.event.Event.fireEvent(under, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(),
                    mouse.getX(), mouse.getY(), false, false, false, false, false, false, 0, -40, 0, -40,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, -1, 0,
                    null));
            return true;
        });
    }

    /** A point on a neuron of {@code maps}, as low as the scrolling panels show it (so that a scroll brings the next layer under it). */
    private static Point2D lowestPointOnACell(SpikeRasterCanvas maps, ScrollPane scroller) {
        Bounds port = scroller.localToScene(scroller.getLayoutBounds());
        Bounds box = maps.localToScene(maps.getLayoutBounds());
        for (double y = Math.min(box.getMaxY(), port.getMaxY()) - 2; y > Math.max(box.getMinY(), port.getMinY()); y--) {
            for (double x = box.getMinX() + 2; x < box.getMaxX(); x += 2) {
                Point2D screen = maps.localToScreen(maps.sceneToLocal(x, y));
                if (onACell(maps, screen)) {
                    return screen;
                }
            }
        }
        throw new AssertionError("no neuron of the maps is in view: maps " + box + ", scrolling pane " + port);
    }

    /** True when the screen point {@code screen} is on a neuron of {@code maps}. */
    private static boolean onACell(SpikeRasterCanvas maps, Point2D screen) {
        Point2D local = maps.screenToLocal(screen);
        return local != null && maps.getLayoutBounds().contains(local) && maps.cellAt(local.getX(), local.getY()) != null;
    }

    /** The least width the Spikes view needs, after the window's CSS and layout. */
    private double leastWidth(SpikesView view) throws Exception {
        return fx(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            return view.root().minWidth(-1);
        });
    }

    private boolean recordingShown() {
        Recording newest = window.spikesView().model().recordingProperty().get();
        return newest != null && window.spikesView().shownRecordingProperty().get() == newest;
    }
}
