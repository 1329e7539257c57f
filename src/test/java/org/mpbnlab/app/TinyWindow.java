package org.mpbnlab.app;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.mpbnlab.app.shell.AppContext;
import org.mpbnlab.app.shell.AppTheme;
import org.mpbnlab.app.shell.MainWindow;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * The UI tests' main window: the real window on TestFX's stage, its first run a tiny one (data made in a moment,
 * batches of a few milliseconds) with sessions paced for tests, closed after each test.
 */
public final class TinyWindow {

    /** xor on mlp-2d at T = 3: 320 training and 64 test samples in batches of 16, 20 epochs of SGD, seed 5. */
    public static final RunSettings XOR = RunSettings.defaults().with(SettingsTable.DATASET, "xor")
            .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.TIME_STEPS, 3).with(SettingsTable.OPTIMIZER, "sgd")
            .with(SettingsTable.LEARNING_RATE, 0.1).with(SettingsTable.BATCH, 16).with(SettingsTable.EPOCHS, 20)
            .with(SettingsTable.SEED, 5L).with(SettingsTable.TRAIN_SAMPLES, 320).with(SettingsTable.TEST_SAMPLES, 64);

    private TinyWindow() {
    }

    /**
     * The window's context: the registry's data, sessions that publish at most every 50 ms and test 64 samples every
     * 5 iterations, {@code initial} as the first run, in {@code theme}.
     */
    public static AppContext context(RunPlan initial, AppTheme theme, boolean showPulseGaps) {
        RegistryDataCatalog catalog = RegistryDataCatalog.standard();
        return new AppContext(catalog, SessionFactory.of(catalog, new SessionPacing(50, 0, 5, 64, 1, 0)), initial,
                Platform::runLater, theme, showPulseGaps);
    }

    /** A window whose first run is {@code initial}, in the normal theme, shown on {@code stage}. */
    public static MainWindow show(Stage stage, RunPlan initial) {
        MainWindow window = new MainWindow(context(initial, AppTheme.NORMAL, false));
        window.show(stage);
        return window;
    }

    /** Stops {@code window}'s run, renderer and monitor on the FX thread (after each test). */
    public static void close(MainWindow window) throws Exception {
        FxThread.fx(() -> {
            window.close();
            return true;
        });
    }
}
