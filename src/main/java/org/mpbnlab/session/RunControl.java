package org.mpbnlab.session;

import org.mpbnlab.probe.StatisticsSource;

/** The commands a view model gives a running session ({@link TrainingSession} implements it). */
public interface RunControl extends AutoCloseable {

    RunSettings settings();

    void start();

    void play();

    void pause();

    void step();

    void reset();

    void recordFrom(StatisticsSource source);

    /** Stops the run after its current batch, without waiting for it. */
    @Override
    void close();
}
