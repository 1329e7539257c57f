package org.mpbnlab.app.spikes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * UI work done in steps, one step per JavaFX pulse, so that no single frame does it all. A pulse is one frame:
 * JavaFX runs the animation timers, then styles and lays out what changed, then hands the frame to the renderer.
 * When a recording arrives the Spikes view has a panel per LIF layer to draw and lay out, and the output beside
 * them; done in one go that is 20–40 ms of UI work in one frame (measured with {@code -Dmpbnlab.pulseLog}, see
 * {@code docs/spikes-view.md}), and the window freezes for it, longer when the UI thread must wait for a core.
 * Done a panel per pulse, each frame carries a few milliseconds of it.
 *
 * <p>New work replaces the steps not done yet: they would show a recording that is no longer the newest.
 */
final class PulseSteps {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runNext();
        }
    };

    /** Drops the steps not done yet and does {@code next} in its order, one at each pulse from the next one on. */
    void replaceWith(List<Runnable> next) {
        steps.clear();
        steps.addAll(next);
        if (!steps.isEmpty()) {
            timer.start();
        }
    }

    /** True when every step given has been done. */
    boolean done() {
        return steps.isEmpty();
    }

    private void runNext() {
        Runnable step = steps.poll();
        if (steps.isEmpty()) {
            timer.stop();
        }
        if (step != null) {
            step.run();
        }
    }
}
