package org.mpbnlab.session;

import java.util.List;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;

/**
 * Everything a view may show about a session at one moment, immutable: published by the session's
 * worker thread at a bounded rate and read by any other thread.
 *
 * @param plan             the run's settings and starting weights
 * @param state            where the session is
 * @param iteration        training iterations done
 * @param totalIterations  iterations of the whole run (0 while preparing)
 * @param epoch            epochs completed
 * @param curves           loss, accuracy and firing-rate curves
 * @param layerNames       one name per LIF layer
 * @param probe            the latest membrane recording, or null before the first
 * @param history          recordings kept during training, oldest first
 * @param probeSource      which pass new recordings are taken from
 * @param samplesPerSecond recent training throughput (0 when not training)
 * @param message          what went wrong or a note for the status bar, or an empty string
 * @param latestTest       the newest measurement on the test split (its iteration and how many samples), or null
 *                         before the first
 * @param failureCause     what a failed run could not use, or null when the run has not failed
 */
public record SessionSnapshot(RunPlan plan, SessionState state, long iteration, long totalIterations,
                              int epoch, TrainingCurves curves, List<String> layerNames, ProbeFrame probe,
                              List<ProbeFrame> history, StatisticsSource probeSource, double samplesPerSecond,
                              String message, TestMeasurement latestTest, FailureCause failureCause) {

    public SessionSnapshot {
        layerNames = List.copyOf(layerNames);
        history = List.copyOf(history);
        message = message == null ? "" : message;
    }

    /** A snapshot of a run that has not failed. */
    public SessionSnapshot(RunPlan plan, SessionState state, long iteration, long totalIterations, int epoch,
                           TrainingCurves curves, List<String> layerNames, ProbeFrame probe, List<ProbeFrame> history,
                           StatisticsSource probeSource, double samplesPerSecond, String message,
                           TestMeasurement latestTest) {
        this(plan, state, iteration, totalIterations, epoch, curves, layerNames, probe, history, probeSource,
                samplesPerSecond, message, latestTest, null);
    }

    /** A snapshot without a test measurement (none made yet). */
    public SessionSnapshot(RunPlan plan, SessionState state, long iteration, long totalIterations, int epoch,
                           TrainingCurves curves, List<String> layerNames, ProbeFrame probe, List<ProbeFrame> history,
                           StatisticsSource probeSource, double samplesPerSecond, String message) {
        this(plan, state, iteration, totalIterations, epoch, curves, layerNames, probe, history, probeSource,
                samplesPerSecond, message, null);
    }

    /** The snapshot of a run that failed: why ({@code reason}) and what it could not use. */
    public static SessionSnapshot failed(RunPlan plan, StatisticsSource source, String reason, FailureCause cause) {
        return new SessionSnapshot(plan, SessionState.FAILED, 0, 0, 0, TrainingCurves.empty(), List.of(), null,
                List.of(), source, 0, reason, null, cause);
    }

    /** The snapshot of a session that is still loading data and building its network. */
    public static SessionSnapshot preparing(RunPlan plan, StatisticsSource source) {
        return new SessionSnapshot(plan, SessionState.PREPARING, 0, 0, 0, TrainingCurves.empty(), List.of(),
                null, List.of(), source, 0, "");
    }

    /** The run's settings. */
    public org.mpbnlab.train.settings.RunSettings settings() {
        return plan.settings();
    }

    /** Fraction of the run done, in [0, 1]. */
    public double progress() {
        return totalIterations == 0 ? 0 : (double) iteration / totalIterations;
    }
}
