package org.mpbnlab.app.shell;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The start-up work done on the {@code app-start} thread while JavaFX opens its window, in an order that never
 * has two threads loading native libraries at the same time.
 *
 * <p>Why the order matters. Both sides load native libraries as they start: JavaFX its window system, renderer
 * and fonts (glass, prism, pango) on the UI thread; the engine ND4J's, OpenBLAS's and their dependencies
 * (through JavaCPP) when the first model is built; the chart warm-up Java2D's. The C library's dynamic loader
 * takes two locks, in either order depending on the path, and a start-up hung for good when the UI thread,
 * loading the font library, held one and waited for the other while {@code app-start}, loading a library for
 * OpenBLAS, waited for the first (caught with gdb on 2026-12-01; the JVM then also waited for ever for a
 * safepoint). So the steps here run one after the other:
 * <ol>
 *   <li>wait until the start-up note has been drawn: JavaFX's own libraries are loaded by then, and until the
 *       context is ready the UI thread only redraws that note;</li>
 *   <li>build the context (the data catalog and the first model: ND4J loads here);</li>
 *   <li>set the engine's thread limit and warm up the charts (Java2D loads here);</li>
 *   <li>only then hand the context to the UI thread, which builds the main window.</li>
 * </ol>
 * The price is the time JavaFX takes to draw its first frame (about a second), no longer overlapped with the
 * engine's start; the note is on screen meanwhile.
 */
final class BackgroundStartup {

    /** Waits until the start-up note has been drawn. */
    @FunctionalInterface
    interface WindowDrawn {
        void await() throws InterruptedException;
    }

    private final WindowDrawn windowDrawn;
    private final Supplier<AppContext> context;
    private final Runnable engineAndCharts;

    /**
     * @param windowDrawn     returns once the start-up note's first frames are drawn
     * @param context         builds the app's context (loads the engine's native libraries)
     * @param engineAndCharts the engine's thread limit and the chart warm-up
     */
    BackgroundStartup(WindowDrawn windowDrawn, Supplier<AppContext> context, Runnable engineAndCharts) {
        this.windowDrawn = windowDrawn;
        this.context = context;
        this.engineAndCharts = engineAndCharts;
    }

    /**
     * Runs the steps in order and completes {@code result} with the context at the end, or exceptionally with
     * what stopped it (a context that could not be built, or an interrupted wait); after a failure no later
     * step runs.
     */
    void run(CompletableFuture<AppContext> result) {
        AppContext built;
        try {
            windowDrawn.await();
            built = context.get();
            engineAndCharts.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        result.complete(built);
    }
}
