package org.mpbnlab.app.shell;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.session.DataCatalog;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.train.settings.RunSettings;

/**
 * What the main window is built from: the data, how sessions are made, the first run (settings and starting weights), the
 * executor that reaches the UI thread, the theme to start with and whether the status bar shows the pulse-gap
 * meter ({@code --show-pulse-gaps}, a developer's measurement). Tests pass tiny data and settings.
 */
public record AppContext(DataCatalog catalog, SessionFactory sessions, RunPlan initialRun, Executor ui,
                         AppTheme theme, boolean showPulseGaps) {

    /** A context in {@code theme}, without the pulse-gap meter. */
    public AppContext(DataCatalog catalog, SessionFactory sessions, RunPlan initialRun, Executor ui, AppTheme theme) {
        this(catalog, sessions, initialRun, ui, theme, false);
    }

    /** A context in the classroom theme when {@code classroom} is true, else in the normal theme. */
    public AppContext(DataCatalog catalog, SessionFactory sessions, RunPlan initialRun, Executor ui,
                      boolean classroom) {
        this(catalog, sessions, initialRun, ui, classroom ? AppTheme.CLASSROOM : AppTheme.NORMAL);
    }

    /**
     * The desktop app: the registry's data, interactive pacing, and the model of {@code --model} when given, else the
     * preferred sample model when it is found (see {@link SampleModels}), else the default settings from random
     * weights; theme and meter as {@code options} ask.
     *
     * @param opened the run of {@code --model}'s file ({@link AppOptions#modelToOpen()}), read before the window opens
     */
    public static AppContext desktop(AppOptions options, java.util.Optional<RunPlan> opened) {
        DataCatalog catalog = RegistryDataCatalog.standard();
        RunPlan initial = opened.orElseGet(AppContext::sampleOrDefaults);
        return new AppContext(catalog, SessionFactory.of(catalog, SessionPacing.interactive()), initial,
                Platform::runLater, options.theme(), options.showPulseGaps());
    }

    private static RunPlan sampleOrDefaults() {
        var sample = SampleModels.find(SampleModels.defaultFolders());
        if (sample.isPresent()) {
            try {
                return SampleModels.planOf(sample.get());
            } catch (ModelFileException e) {
                System.getLogger(AppContext.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
            }
        }
        return RunPlan.fromRandomWeights(RunSettings.defaults());
    }
}
