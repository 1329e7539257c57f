package org.mpbnlab.session;

import org.mpbnlab.probe.StatisticsSource;

/** Makes the session of a new run. */
@FunctionalInterface
public interface SessionFactory {

    RunControl create(RunSettings settings, StatisticsSource source, SessionListener listener);

    /** Real sessions on {@code catalog}'s data with interactive pacing. */
    static SessionFactory of(DataCatalog catalog, SessionPacing pacing) {
        return (settings, source, listener) -> new TrainingSession(settings, catalog, pacing, source, listener);
    }
}
