package org.mpbnlab.app.spikes;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.mpbnlab.app.charts.TimeCursor;

/**
 * Plays a recording step by step on the shared {@link TimeCursor}: play, pause, single step, scrub, speed.
 * Time comes from outside: {@link #tick(long)} is given the clock's time in nanoseconds (in the app, every
 * JavaFX pulse; in tests, any numbers), and moves the cursor one step each time 1/speed seconds have passed.
 * Playing stops at the last step; play at the last step starts again from the first.
 */
public final class StepPlayer {

    /** Slowest and fastest speeds, steps per second. */
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 60;

    private final TimeCursor cursor;
    private final IntegerProperty timeSteps = new SimpleIntegerProperty(this, "timeSteps", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 2);
    /** Clock time of the last step taken while playing, or −1 before the first tick of a play. */
    private long lastStepNanos = -1;

    public StepPlayer(TimeCursor cursor) {
        this.cursor = cursor;
        playing.addListener((obs, old, now) -> lastStepNanos = -1);
        speed.addListener((obs, old, now) -> {
            double clamped = Math.max(MIN_SPEED, Math.min(MAX_SPEED, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                speed.set(clamped);
            }
        });
    }

    /** Starts playing; from the first step when the cursor is at the last one. */
    public void play() {
        if (timeSteps.get() == 0) {
            return;
        }
        if (cursor.step() >= timeSteps.get() - 1) {
            cursor.moveTo(0, timeSteps.get());
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void playPause() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** One step on (pausing first), stopping at the last step. */
    public void stepForward() {
        pause();
        cursor.moveTo(cursor.step() + 1, timeSteps.get());
    }

    /** One step back (pausing first), stopping at the first step. */
    public void stepBack() {
        pause();
        cursor.moveTo(cursor.step() - 1, timeSteps.get());
    }

    /** Moves to step t (pausing), as the scrubber does. */
    public void scrubTo(int t) {
        pause();
        cursor.moveTo(t, timeSteps.get());
    }

    /**
     * Advances the cursor when 1/speed seconds have passed since the last step (at most one step per tick,
     * so a late frame never skips a step). Returns true when it moved.
     */
    public boolean tick(long nowNanos) {
        if (!playing.get()) {
            return false;
        }
        if (lastStepNanos < 0) {
            lastStepNanos = nowNanos;
            return false;
        }
        long interval = (long) (1e9 / speed.get());
        if (nowNanos - lastStepNanos < interval) {
            return false;
        }
        lastStepNanos = nowNanos - Math.min(nowNanos - lastStepNanos - interval, interval);
        cursor.moveTo(cursor.step() + 1, timeSteps.get());
        if (cursor.step() >= timeSteps.get() - 1) {
            playing.set(false);
        }
        return true;
    }

    public IntegerProperty timeStepsProperty() {
        return timeSteps;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Steps per second, between {@link #MIN_SPEED} and {@link #MAX_SPEED}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public TimeCursor cursor() {
        return cursor;
    }
}
