package org.mpbnlab.app.shell;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Measures the longest gap between FX pulses while training runs: an AnimationTimer's handle() is
 * called once per pulse (60 per second when the UI thread is free), so the largest difference between
 * consecutive timestamps is the longest time the window could not repaint. Shown in the status bar,
 * and written to standard error every 10 s when the system property {@code mpbnlab.pulseLog} is set.
 */
public final class PulseGapMonitor extends AnimationTimer {

    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final PulseGapStatistics statistics = new PulseGapStatistics();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final boolean log = Boolean.getBoolean("mpbnlab.pulseLog");
    private final PulseGapCauses causes = log ? PulseGapCauses.ofThisProcess() : null;
    private boolean measuring;
    private long lastLog;
    private long lastText;

    /** Measures only while {@code training} is true (pulses stop being interesting when idle). */
    public void setMeasuring(boolean training) {
        if (training && !measuring) {
            statistics.skipGap();
            if (causes != null) {
                causes.skipGap();
            }
        }
        measuring = training;
    }

    @Override
    public void handle(long now) {
        if (!measuring) {
            return;
        }
        long gap = statistics.pulse(now);
        if (log) {
            PulseGapCauses.Anatomy anatomy = causes.pulse(gap);
            if (gap > 34_000_000L || anatomy.uiThread() > PulseGapCauses.LONG_COMPUTING_MILLIS) {
                System.err.printf(Locale.ROOT, "pulse-gap: %.1f ms at %d (%s)%n", gap / 1e6,
                        System.currentTimeMillis(), anatomy);
            }
        }
        if (now - lastText > 500_000_000L) {
            lastText = now;
            text.set(String.format(Locale.ROOT, "longest UI pause while training: %.0f ms",
                    statistics.longestGapMillis()));
        }
        if (log && now - lastLog > LOG_EVERY_NANOS) {
            lastLog = now;
            System.err.printf(Locale.ROOT, "pulse-gap: longest %.1f ms over %d pulses, %d gaps over 50 ms%n",
                    statistics.longestGapMillis(), statistics.pulses(), statistics.gapsOver50ms());
        }
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Where the time of the gaps went, read at every pulse (only with {@code -Dmpbnlab.pulseLog=true}, else null). */
    PulseGapCauses causes() {
        return causes;
    }

    /** Forgets what was measured (the start of a measurement). */
    public void clear() {
        statistics.clear();
        if (causes != null) {
            causes.clear();
        }
    }

    public PulseGapStatistics statistics() {
        return statistics;
    }
}
