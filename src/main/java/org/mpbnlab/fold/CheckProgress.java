package org.mpbnlab.fold;

/**
 * Told after every batch of a long check how far it has come; answers whether to go on. A check whose
 * progress answers false stops before its next batch with a {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface CheckProgress {

    /** Goes on to the end. */
    CheckProgress NONE = (done, total) -> true;

    /**
     * @param done  units done (samples, or timing rounds)
     * @param total units in all
     * @return false to stop the check
     */
    boolean proceed(long done, long total);
}
