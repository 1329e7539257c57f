package org.mpbnlab.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.DataCatalog;
import org.mpbnlab.session.RunSettings;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;

/**
 * What the main window is built from: the data, how sessions are made, the first run's settings and
 * the executor that reaches the UI thread. Tests pass tiny data and settings.
 */
public record AppContext(DataCatalog catalog, SessionFactory sessions, RunSettings initialSettings, Executor ui,
                         boolean classroom) {

    /** The desktop app: built-in data, interactive pacing, default settings. */
    public static AppContext desktop(boolean classroom) {
        DataCatalog catalog = RegistryDataCatalog.forApp();
        return new AppContext(catalog, SessionFactory.of(catalog, SessionPacing.interactive()), RunSettings.defaults(),
                Platform::runLater, classroom);
    }
}
