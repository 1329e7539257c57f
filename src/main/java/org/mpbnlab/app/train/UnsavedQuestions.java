package org.mpbnlab.app.train;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The questions asked before training that is not saved would be dropped: at Quit (about every such run at once)
 * and when a run is removed from the run list. Each names the run, the iteration of its weights and where they
 * were last saved or opened from.
 */
final class UnsavedQuestions {

    private UnsavedQuestions() {
    }

    /** Quit or the window's close box, with unsaved training in {@code unsaved} (one run or more). */
    static String quitting(List<RunFile> unsaved) {
        if (unsaved.size() == 1) {
            return trained(unsaved.get(0)) + ". " + saveThem(unsaved.get(0)) + " before quitting?";
        }
        return unsaved.size() + " runs have training that is not saved:\n"
                + unsaved.stream().map(runFile -> "• " + trained(runFile) + ".").collect(Collectors.joining("\n"))
                + "\nSave saves each of them (asking for a file for a run that is in none); Don't save quits "
                + "without them.";
    }

    /** Removing {@code runFile}'s run from the run list. */
    static String removing(RunFile runFile) {
        return trained(runFile) + ". " + saveThem(runFile) + " before removing the run from the list?";
    }

    /** E.g. "Run #1 has trained (iteration 12) since it was saved in end.zip". */
    private static String trained(RunFile runFile) {
        String trained = "Run #" + runFile.run.number() + " has trained (iteration " + runFile.iteration() + ")";
        if (runFile.file == null) {
            return trained + " and its weights are in no file yet";
        }
        return trained + " since it was " + (runFile.openedOnly ? "opened from " : "saved in ")
                + runFile.file.getFileName();
    }

    private static String saveThem(RunFile runFile) {
        return runFile.file == null ? "Save them" : "Save its weights";
    }
}
