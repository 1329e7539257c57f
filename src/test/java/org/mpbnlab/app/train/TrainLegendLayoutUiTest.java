package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mpbnlab.app.StageSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.app.LayoutAudit;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartRenderer;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.probe.StatisticsSource;
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
 * Four runs compared on the Train view, differing in data seed, T, learning rate and starting weights (so each run's
 * legend text is long: "#1 data seed 42 · T4 · lr 0.001 · from glyphs-mlp-mpbn.zip"), at the projector's sizes in
 * normal and classroom fonts: every legend text is whole, nothing is cut or needs scrolling, and the loss and
 * accuracy charts keep room for their curves (issue 11 #14: the legends were cut to "… · from glyph" at 1280 × 720).
 */
@ExtendWith(ApplicationExtension.class)
class TrainLegendLayoutUiTest {

    private static final Path SAMPLE = Path.of("sample-models", "glyphs-mlp-mpbn.zip");

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private Stage stage;
    private ViewContext context;
    private StageSize size;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        size = StageSize.of(stage);
    }

    @AfterEach
    void giveTheStageBack() throws Exception {
        fx(() -> {
            if (context != null) {
                context.swaps().stop();
            }
            return true;
        });
        size.restore();
    }

    @ParameterizedTest(name = "{0}×{1}, {2}")
    @CsvSource({"1280, 720, normal", "1024, 768, normal", "1280, 720, classroom", "1024, 768, classroom"})
    void fourRunsLegendsStayWholeAtProjectorSizes(int width, int height, String themeName) throws Exception {
        AppTheme theme = AppTheme.named(themeName);
        Parent root = fx(() -> {
            RunSettings sample = RunSettings.defaults().with(SettingsTable.DATASET, "glyphs")
                    .with(SettingsTable.ARCH, "mlp");
            TrainViewModel model = new TrainViewModel(RegistryDataCatalog.standard(),
                    RecordingRunControl.factory(sessions), Runnable::run, new RunPlan(sample, SAMPLE));
            model.prepareFirstRun();
            context = new ViewContext(new ChartRenderer());
            context.themeProperty().set(theme.charts());
            context.swaps().start();
            TrainView view = new TrainView(model, context);
            Parent parent = (Parent) view.root();
            parent.getStyleClass().add("main-window"); // where the themes set the font size
            Scene scene = new Scene(parent, width, height);
            scene.getStylesheets().setAll(theme.stylesheets());
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            // the runs start with the view shown, as in the app (the view draws what changes)
            publishReady();
            newRun(model, SettingsTable.LEARNING_RATE, "0.01");
            newRun(model, SettingsTable.TIME_STEPS, "8");
            newRun(model, SettingsTable.DATA_SEED, "7");
            return parent;
        });
        assertEquals(4, sessions.size(), "four runs");
        await(() -> {
            root.applyCss();
            root.layout();
            List<ChartPane> charts = LayoutAudit.shownCharts(root);
            return root.getScene().getWidth() == width && root.getScene().getHeight() == height
                    && charts.size() == 3 && charts.stream().allMatch(ChartPane::showsNewest);
        });
        assertEquals("", String.join("\n", fx(() -> LayoutAudit.audit(root))));
    }

    /** Changes {@code setting} on the form and trains one batch: a new run with those settings. */
    private void newRun(TrainViewModel model, Setting<?> setting, String value) {
        model.form().field(setting).textProperty().set(value);
        model.step();
        publishReady();
    }

    private void publishReady() {
        RecordingRunControl session = sessions.get(sessions.size() - 1);
        session.listener.published(new SessionSnapshot(session.plan, SessionState.PAUSED, 1, 100, 0,
                TrainingCurves.empty(), List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, 0, ""));
    }
}
