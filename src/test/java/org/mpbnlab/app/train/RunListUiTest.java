package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpbnlab.app.FxThread.await;
import static org.mpbnlab.app.FxThread.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mpbnlab.app.charts.ChartRenderer;
import org.mpbnlab.app.charts.ViewContext;
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
 * The run list says each run's state as it is now (issue 11, "every state is visible"): its entries were written
 * once, when shown, so a run that had gone on training or had been paused still read "training, it. 0".
 */
@ExtendWith(ApplicationExtension.class)
class RunListUiTest {

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static SessionSnapshot snapshot(RunPlan plan, SessionState state, long iteration) {
        return new SessionSnapshot(plan, state, iteration, 100, 0, TrainingCurves.empty(), List.of(), null,
                List.of(), StatisticsSource.TRAINING_BATCH, 0, "");
    }

    /** The texts of the run list's entries, in order. */
    private static List<String> entries(ListView<?> runs) {
        List<String> texts = new ArrayList<>();
        for (javafx.scene.Node node : runs.lookupAll(".list-cell")) {
            ListCell<?> cell = (ListCell<?>) node;
            if (!cell.isEmpty() && cell.getItem() != null) {
                texts.add(cell.getIndex() + ": " + cell.getText());
            }
        }
        texts.sort(null);
        return texts;
    }

    @Test
    void eachEntryFollowsItsRunsStateAfterItWasShown() throws Exception {
        RunSettings settings = RunSettings.defaults().with(SettingsTable.DATASET, "xor")
                .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.BATCH, 16);
        TrainViewModel model = fx(() -> new TrainViewModel(RegistryDataCatalog.standard(),
                RecordingRunControl.factory(sessions), Runnable::run, RunPlan.fromRandomWeights(settings)));
        ListView<?> runs = fx(() -> {
            model.prepareFirstRun();
            TrainView view = new TrainView(model, new ViewContext(new ChartRenderer()));
            Scene scene = new Scene((Parent) view.root(), 1000, 700);
            // the app's stylesheet keeps the list a few rows high (without it the list had 11 px when this test ran
            // first in its JVM, showing one entry, and the second never came into view)
            scene.getStylesheets().setAll(org.mpbnlab.app.shell.AppTheme.NORMAL.stylesheets());
            stage.setScene(scene);
            stage.show();
            return (ListView<?>) scene.lookup("#runs");
        });
        RecordingRunControl first = sessions.get(0);
        fx(() -> {
            first.listener.published(snapshot(first.plan, SessionState.RUNNING, 0));
            return true;
        });
        await(() -> entries(runs).equals(List.of("0: #1 training · it. 0")));
        // a second run replaces the first, which pauses afterwards: its pause reaches the list too
        fx(() -> {
            model.startFromRandomWeights();
            return true;
        });
        RecordingRunControl second = sessions.get(1);
        fx(() -> {
            second.listener.published(snapshot(second.plan, SessionState.RUNNING, 0));
            return true;
        });
        await(() -> entries(runs).size() == 2);
        fx(() -> {
            first.listener.published(snapshot(first.plan, SessionState.PAUSED, 40));
            second.listener.published(snapshot(second.plan, SessionState.PAUSED, 7));
            return true;
        });
        // no wait: each entry's text is bound to its run's, so it changed with the run
        assertEquals(List.of("0: #1 paused · it. 40", "1: #2 paused · it. 7"),
                fx(() -> entries(runs)));
    }
}
