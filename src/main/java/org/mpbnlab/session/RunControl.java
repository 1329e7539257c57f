package org.mpbnlab.session;

import org.mpbnlab.probe.StatisticsSource;

/** The commands a view model gives a running session ({@link TrainingSession} implements it). */
public interface RunControl extends AutoCloseable {

    /** The run's settings and starting weights. */
    RunPlan plan();

    void start();

    void play();

    void pause();

    void step();

    void reset();

    void recordFrom(StatisticsSource source);

    /**
     * A copy of the network as it is after the current batch, taken by the run's worker between two batches;
     * completes exceptionally when the run fails or closes first.
     */
    java.util.concurrent.CompletableFuture<CurrentModel> copyModel();

    /** Stops the run after its current batch, without waiting for it. */
    @Override
    void close();
}
