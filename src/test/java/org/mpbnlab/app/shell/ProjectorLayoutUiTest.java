package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.mpbnlab.app.StageSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.session.SessionState;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as the app opens it (sample model, real data and settings) at projector sizes, 1280 × 720 and
 * 1024 × 768, in every theme: on the Train and Membrane tabs no text is cut short, every chosen value shows,
 * nothing needs scrolling, and the charts' texts neither leave the chart nor cover each other
 * ({@link LayoutAudit}).
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutUiTest {

    private static final double[][] SIZES = {{1280, 720}, {1024, 768}};

    private MainWindow window;
    private Stage stage;
    private StageSize size;

    /** The sample model, data and engine, prepared off the FX thread (as the app does) before the window. */
    private static AppContext desktop;

    @BeforeAll
    static void prepareTheApp() {
        desktop = AppContext.desktop(AppOptions.parse(), java.util.Optional.empty());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(desktop);
        window.show(stage);
        size = StageSize.of(stage);
    }

    @AfterEach
    void closeWindow() throws Exception {
        fx(() -> {
            window.close();
            return true;
        });
        size.restore();
    }

    @Test
    void trainAndMembraneFitAtProjectorSizesInEveryTheme() throws Exception {
        await(() -> snapshotState() == SessionState.READY);
        fx(() -> {
            window.trainModel().step();
            return true;
        });
        await(() -> window.trainModel().snapshotProperty().get().iteration() == 1
                && snapshotState() == SessionState.PAUSED);
        List<String> findings = new ArrayList<>();
        for (AppTheme theme : AppTheme.values()) {
            for (double[] size : SIZES) {
                for (String tab : List.of("train-tab", "membrane-tab")) {
                    findings.addAll(audit(theme, size[0], size[1], tab));
                }
            }
        }
        assertEquals("", String.join("\n", findings));
    }

    /**
     * A long message at 1024 × 768 in classroom fonts keeps the status bar one line high (ending in "…", whole in its
     * tooltip: a wrapped second line moved every control above it) and is shown whole beside the Train view's
     * buttons (in the messages' own area, which scrolls when a message is longer than its lines), where the tab
     * still fits.
     */
    @Test
    void aLongMessageKeepsTheStatusBarOneLineAndIsShownWholeBesideTheButtonsAt1024() throws Exception {
        await(() -> snapshotState() == SessionState.READY);
        List<String> findings = new ArrayList<>(audit(AppTheme.CLASSROOM, 1024, 768, "train-tab"));
        Node bar = fx(() -> stage.getScene().lookup("#status-bar"));
        double oneLine = fx(() -> bar.getLayoutBounds().getHeight());
        String typed = "forty-two, the answer to everything, typed where a whole number belongs";
        fx(() -> {
            window.trainModel().form().field(org.mpbnlab.train.settings.SettingsTable.SEED).textProperty().set(typed);
            window.trainModel().step();
            return true;
        });
        Node tab = fx(() -> stage.getScene().lookup("#settings-panel").getParent());
        findings.addAll(fx(() -> {
            tab.getScene().getRoot().applyCss();
            tab.getScene().getRoot().layout();
            return LayoutAudit.audit(tab, List.of("run-messages"));
        }));
        javafx.scene.control.Label text = fx(() -> (javafx.scene.control.Label) bar.lookup(".status-label"));
        assertTrue(fx(() -> text.getTooltip().getText()).contains(typed), fx(text::getText));
        javafx.scene.control.Label note = fx(() -> (javafx.scene.control.Label) stage.getScene().lookup("#action-note"));
        assertTrue(fx(note::getText).contains(typed), fx(note::getText));
        assertEquals(oneLine, fx(() -> bar.getLayoutBounds().getHeight()), 0.5, "the status bar's height");
        assertEquals("", String.join("\n", findings));
    }

    private List<String> audit(AppTheme theme, double width, double height, String tabId) throws Exception {
        Node content = fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            window.model().themeProperty().set(theme);
            TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
            Tab tab = tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow();
            tabs.getSelectionModel().select(tab);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return tab.getContent();
        });
        await(() -> {
            if (content.getScene().getWidth() != width || content.getScene().getHeight() != height) {
                return false;
            }
            content.getScene().getRoot().layout();
            List<ChartPane> charts = LayoutAudit.shownCharts(content);
            return !charts.isEmpty() && charts.stream().allMatch(ChartPane::showsNewest);
        });
        String where = theme.id() + " " + (int) width + "×" + (int) height + " " + tabId + ": ";
        return fx(() -> LayoutAudit.audit(content).stream().map(f -> where + f).toList());
    }

    private SessionState snapshotState() {
        var snapshot = window.trainModel().snapshotProperty().get();
        return snapshot == null ? null : snapshot.state();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(condition));
    }
}
