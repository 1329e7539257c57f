package org.mpbnlab.session;

import org.mpbnlab.probe.StatisticsSource;

/** Makes the session of a new run. */
@FunctionalInterface
public interface SessionFactory {

    RunControl create(RunPlan plan, StatisticsSource source, SessionListener listener);

    /** Real sessions on {@code catalog}'s data with interactive pacing. */
    static SessionFactory of(DataCatalog catalog, SessionPacing pacing) {
        return (plan, source, listener) -> new TrainingSession(plan, catalog, pacing, source, listener);
    }
}
