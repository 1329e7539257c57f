package org.mpbnlab.session;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Limits the threads ND4J's native code uses. Its OpenMP workers spin while waiting for work; on a
 * two-core classroom laptop that starves the UI thread, so the desktop app trains with one native
 * thread. The first call starts ND4J (about 3 s): call it off the UI thread.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /**
     * Sets ND4J's maximum worker, master and BLAS threads to {@code threads} (≥ 1). The engine's own loops
     * take their thread count from each network ({@code Network#setLoopThreads}).
     */
    public static void limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the engine needs at least one thread, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
