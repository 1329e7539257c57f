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
 * executor that reaches the UI thread and the theme to start with. Tests pass tiny data and settings.
 */
public record AppContext(DataCatalog catalog, SessionFactory sessions, RunPlan initialRun, Executor ui,
                         AppTheme theme) {

    /** A context in the classroom theme when {@code classroom} is true, else in the normal theme. */
    public AppContext(DataCatalog catalog, SessionFactory sessions, RunPlan initialRun, Executor ui,
                      boolean classroom) {
        this(catalog, sessions, initialRun, ui, classroom ? AppTheme.CLASSROOM : AppTheme.NORMAL);
    }

    /**
     * The desktop app: the registry's data, interactive pacing, and the preferred sample model when it
     * is found (see {@link SampleModels}), else the default settings from random weights.
     */
    public static AppContext desktop(AppTheme theme) {
        DataCatalog catalog = RegistryDataCatalog.standard();
        RunPlan initial = RunPlan.fromRandomWeights(RunSettings.defaults());
        var sample = SampleModels.find(SampleModels.defaultFolders());
        if (sample.isPresent()) {
            try {
                initial = SampleModels.planOf(sample.get());
            } catch (ModelFileException e) {
                System.getLogger(AppContext.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
            }
        }
        return new AppContext(catalog, SessionFactory.of(catalog, SessionPacing.interactive()), initial,
                Platform::runLater, theme);
    }
}
