package org.mpbnlab.app.train;

import java.nio.file.Path;
import org.mpbnlab.session.SessionSnapshot;

/**
 * One run's model file, as {@link ModelSaving} keeps it for every run in the run list: the file its weights are in
 * (opened from or saved to, or none), the iteration the file holds, and whether the run has trained since. Plain
 * mutable state, touched on the UI thread only.
 */
final class RunFile {

    final RunRecord run;
    /** The file the run's weights are in, or null when none. */
    Path file;
    /** True while {@link #file} is the file the run was opened from and it has not been saved here. */
    boolean openedOnly;
    /** The training iteration of the weights in {@link #file}. */
    long savedIteration;
    /** True when the run has trained (or was reset) since its weights were saved or opened. */
    boolean modified;
    /** The iteration of the weights the run ended with, once its worker copied them; −1 before. */
    long lastIteration = -1;

    RunFile(RunRecord run, Path openedFrom) {
        this.run = run;
        this.file = openedFrom;
        this.openedOnly = openedFrom != null;
    }

    /** The iteration of the run's weights as last known: the copy it ended with, else its latest snapshot. */
    long iteration() {
        if (lastIteration >= 0) {
            return lastIteration;
        }
        SessionSnapshot latest = run.latest();
        return latest == null ? 0 : latest.iteration();
    }
}
