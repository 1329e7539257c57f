package org.mpbnlab.app.train;

import java.util.Locale;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TestMeasurement;

/**
 * The run's state as the Train view writes it under the buttons, e.g. "paused · iteration 168 of 374 · epoch 0 ·
 * test accuracy 85.2 % (first 256 test samples, iteration 150)". The test accuracy says what it was measured on and
 * at which iteration (the session's {@link TestMeasurement}): between epochs' ends the live curve measures only the
 * first test samples, every few iterations, so the newest figure may be older than the iteration beside it and
 * differ from the accuracy on all test samples that {@code eval} and the epoch's end give.
 */
final class RunStatusText {

    /** A long state as it is usually written (the room its note keeps under the buttons whatever it says). */
    static final String LONG_EXAMPLE = "training · iteration 1870 of 3740 · epoch 4 · test accuracy 88.8\u00a0% "
            + "(all 10 000 test samples, iteration 1870)";

    private RunStatusText() {
    }

    /** The state, iteration, epoch and newest test accuracy of {@code s}; empty before the first snapshot. */
    static String describe(SessionSnapshot s) {
        if (s == null) {
            return "";
        }
        if (s.state() == SessionState.PREPARING) {
            return "Preparing " + s.settings().dataset() + " and " + s.settings().arch() + "…";
        }
        String text = String.format(Locale.ROOT, "%s · iteration %d of %d · epoch %d", s.state().label(),
                s.iteration(), s.totalIterations(), s.epoch());
        return s.latestTest() == null ? text : text + " · " + testAccuracy(s.latestTest());
    }

    /**
     * "test accuracy 85.2 % (first 256 test samples, iteration 150)", or "(all 2 000 test samples, …)"; the space
     * before "%" does not break, so that a wrapped line never starts with "%".
     */
    static String testAccuracy(TestMeasurement test) {
        String measured = test.wholeSplit() ? "all " + SettingsForm.grouped(test.splitSamples())
                : "first " + SettingsForm.grouped(test.samples());
        return String.format(Locale.ROOT, "test accuracy %.1f\u00a0%% (%s test samples, iteration %d)",
                100 * test.accuracy(), measured, test.iteration());
    }
}
