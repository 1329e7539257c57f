package org.mpbnlab.session;

/**
 * How often a running session publishes and records, so that views get a bounded number of updates
 * whatever the speed of training.
 *
 * @param publishMillis      least time between two published snapshots while training (100 ms = 10/s)
 * @param probeMillis        least time between two membrane recordings while training
 * @param testEvery          iterations between two evaluations of the test subset
 * @param testSamples        size of the test subset evaluated live (the first samples of the test split)
 * @param pauseBetweenMillis time the worker yields after each batch, leaving the CPU to the UI
 * @param engineThreads      native threads ND4J may use (see {@link EngineThreads}), and the loop threads of the
 *                           session's network; 0 leaves both at their defaults
 */
public record SessionPacing(long publishMillis, long probeMillis, int testEvery, int testSamples,
                            long pauseBetweenMillis, int engineThreads) {

    public SessionPacing {
        if (publishMillis < 0 || probeMillis < 0 || testEvery < 1 || testSamples < 1 || pauseBetweenMillis < 0
                || engineThreads < 0) {
            throw new IllegalArgumentException("pacing values must be positive");
        }
    }

    /**
     * At most 4 snapshots and 4 recordings per second (fewer when a recording is slow: it never takes more
     * than a fifth of the time), a test subset of 256 samples every 25 batches, one
     * engine thread, native and in the loops (the UI keeps the other core).
     */
    public static SessionPacing interactive() {
        return new SessionPacing(250, 250, 25, 256, 2, 1);
    }
}
