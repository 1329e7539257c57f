package org.mpbnlab.app.charts;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;

/**
 * Applies finished chart images to the scene one per FX pulse, so that a redraw of sixteen charts
 * costs sixteen short pulses instead of one long one (each new image is copied into a texture on the
 * FX thread).
 */
public final class ImageSwapQueue extends AnimationTimer {

    private final Queue<Runnable> swaps = new ConcurrentLinkedQueue<>();

    /** Queues {@code swap} to run on the FX thread in a later pulse (callable from any thread). */
    public void enqueue(Runnable swap) {
        swaps.add(swap);
    }

    @Override
    public void handle(long now) {
        Runnable swap = swaps.poll();
        if (swap != null) {
            swap.run();
        }
    }
}
