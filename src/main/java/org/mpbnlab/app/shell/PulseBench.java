package org.mpbnlab.app.shell;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mpbnlab.app.spikes.SpikesViewModel;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;

/**
 * The scripted use behind the pulse-gap figures of docs/spikes-view.md, started by
 * {@code -Dmpbnlab.pulseBench=SECONDS}: as soon as the opened model is ready it presses Play (Space) and
 * shows the Spikes tab. When the view's first recording is shown it prints the longest gap of that first
 * showing (the view built, the gallery's answers computed, while training) on a line of its own, clears the
 * window's {@link PulseGapMonitor}, and from then on, each time the last recording has been shown and 2 s
 * have passed, alternately presses "Use current weights" and clicks the next gallery sample; both record
 * with a copy of the run's current weights while training goes on. SECONDS after the first recording it
 * prints one line with the pulses, the longest gap, the 99th percentile and the gaps over 50 ms of that
 * time of recording during training, then the batches trained meanwhile (so that a change for the window can be
 * checked not to slow training) and, with the log, the most the UI thread computed between two pulses; and
 * closes the app. Every action and every gap over 34 ms is written to
 * standard error with its wall-clock time (with {@code -Dmpbnlab.pulseLog=true}), so a late pulse can be
 * matched with what was done just before it.
 */
final class PulseBench {

    private static final Duration PAUSE_BETWEEN_ACTIONS = Duration.seconds(2);

    private final MainWindow window;
    private final double seconds;
    private final Button useCurrentWeights;
    private int actions;
    private int recordingsShown;
    private int nextSample = 1;
    /** The run's iteration when the measured time began (training's progress is reported with the gaps). */
    private long firstIteration;
    private boolean started;
    private boolean finished;
    private final Stage stage;

    private PulseBench(MainWindow window, Stage stage, double seconds) {
        this.window = window;
        this.stage = stage;
        this.seconds = seconds;
        this.useCurrentWeights = (Button) window.spikesView().root().lookup("#spikes-refresh");
    }

    /** Starts the scenario on {@code window} when the system property asks for it. */
    static void startIfAsked(MainWindow window, Stage stage) {
        String asked = System.getProperty("mpbnlab.pulseBench");
        if (asked == null) {
            return;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(asked);
        } catch (NumberFormatException e) {
            System.err.println("pulse-bench: mpbnlab.pulseBench takes a number of seconds, not '" + asked + "'");
            return;
        }
        PulseBench bench = new PulseBench(window, stage, seconds);
        window.trainModel().snapshotProperty().addListener((obs, old, now) -> bench.startWhenReady(now));
        bench.startWhenReady(window.trainModel().snapshotProperty().get());
    }

    private void startWhenReady(SessionSnapshot now) {
        if (started || now == null || now.state() != SessionState.READY) {
            return;
        }
        started = true;
        log("model ready, pressing Play and showing the Spikes tab");
        window.model().perform(MainWindowViewModel.Command.PLAY_PAUSE);
        window.pulseMonitor().clear();
        window.model().viewProperty().set(MainWindowViewModel.View.SPIKES);
        SpikesViewModel spikes = window.spikesView().model();
        spikes.statusProperty().addListener((obs, old, status) -> log("Spikes view says '" + status + "'"));
        spikes.recordingProperty().addListener((obs, old, recording) -> {
            recordingsShown++;
            log("recording " + recordingsShown + " shown: " + spikes.statusProperty().get());
            if (recordingsShown == 1) {
                reportFirstShowing();
                window.pulseMonitor().clear();
                firstIteration = iteration();
                after(Duration.seconds(seconds), this::finish);
            }
            after(PAUSE_BETWEEN_ACTIONS, this::act);
        });
    }

    /** The longest gap from showing the tab to its first recording on screen (not part of the measured time). */
    private void reportFirstShowing() {
        PulseGapStatistics gaps = window.pulseMonitor().statistics();
        System.out.printf(Locale.ROOT, "pulse-bench: first showing of the Spikes view, until its first recording: "
                + "%d pulses, longest gap %.1f ms, %d gaps over 50 ms%n", gaps.pulses(), gaps.longestGapMillis(),
                gaps.gapsOver50ms());
    }

    /** The next action: "Use current weights" and a click on the next sample, alternately. */
    private void act() {
        if (finished) {
            return;
        }
        actions++;
        if (actions % 2 == 1) {
            log("pressing 'Use current weights'");
            useCurrentWeights.fire();
        } else {
            log("clicking gallery sample " + nextSample);
            window.spikesView().model().selectSample(nextSample++);
        }
    }

    private void finish() {
        finished = true;
        PulseGapStatistics gaps = window.pulseMonitor().statistics();
        System.out.printf(Locale.ROOT, "pulse-bench: %.0f s, %d recordings shown, %d pulses, longest gap %.1f ms, "
                        + "99th percentile %.0f ms, %d gaps over 50 ms%n", seconds, recordingsShown - 1, gaps.pulses(),
                gaps.longestGapMillis(), gaps.percentileMillis(99), gaps.gapsOver50ms());
        System.out.printf(Locale.ROOT, "pulse-bench: garbage collector: %s%n", collectors());
        System.out.printf(Locale.ROOT, "pulse-bench: training went on: %d batches in the measured time%n",
                iteration() - firstIteration);
        PulseGapCauses causes = window.pulseMonitor().causes();
        if (causes != null) {
            PulseGapCauses.Anatomy late = causes.lateTotals();
            System.out.printf(Locale.ROOT, "pulse-bench: the gaps over 50 ms add up to %.0f ms: %s%n", late.gap(), late);
            System.out.printf(Locale.ROOT, "pulse-bench: the UI thread's own work between two pulses: longest %.1f ms,"
                    + " %d pulses over %.0f ms%n", causes.longestComputing(), causes.longComputingGaps(),
                    PulseGapCauses.LONG_COMPUTING_MILLIS);
        }
        System.out.flush();
        Platform.runLater(stage::hide);
    }

    /** The run's iteration (batches trained) as last published, 0 before the first snapshot. */
    private long iteration() {
        SessionSnapshot now = window.trainModel().snapshotProperty().get();
        return now == null ? 0 : now.iteration();
    }

    /** The JVM's collectors as it names them, e.g. "ZGC Cycles, ZGC Pauses" or "G1 Young Generation, G1 Old Generation". */
    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    private static void after(Duration delay, Runnable action) {
        PauseTransition wait = new PauseTransition(delay);
        wait.setOnFinished(e -> action.run());
        wait.play();
    }

    private static void log(String what) {
        System.err.printf(Locale.ROOT, "pulse-bench: %s at %d%n", what, System.currentTimeMillis());
    }
}
