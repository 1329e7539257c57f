package org.mpbnlab.app.train;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a model could not be saved, in the user's words and with what to do: no stack trace, no class names.
 * Every message ends by saying that nothing was lost (the run goes on, an earlier file is untouched), which
 * {@link org.mpbnlab.io.AtomicFiles} guarantees.
 */
final class SaveProblems {

    private SaveProblems() {
    }

    /** The heading of a failed save, e.g. "Could not save lesson.zip". */
    static String heading(Path target) {
        return "Could not save " + name(target);
    }

    /** A target the app refuses before writing: a folder (moving a file over an empty folder would replace it). */
    static String beforeWriting(Path target) {
        return Files.isDirectory(target) ? isAFolder(target) : null;
    }

    /** What went wrong while writing {@code target}, and what to do. */
    static String whileWriting(Path target, IOException e) {
        Path folder = target.toAbsolutePath().getParent();
        String reason = reason(e).toLowerCase(Locale.ROOT);
        String advice;
        if (reason.contains("no space") || reason.contains("quota") || reason.contains("disk full")) {
            advice = "The disk is full. Free some space, or choose a folder on another disk, and save again.";
        } else if (e instanceof AccessDeniedException || reason.contains("permission") || reason.contains("read-only")) {
            advice = "MPBN Lab may not write in the folder " + folder + ". Choose a folder you can write to, such as "
                    + "your home folder, and save again.";
        } else if (reason.contains("not a directory")) {
            advice = "Part of the path " + folder + " is a file, not a folder. Choose an existing folder and save "
                    + "again.";
        } else if (e instanceof NoSuchFileException && folder != null && Files.isDirectory(folder)) {
            // the folder is there but no file can be made in it (a system folder such as /proc)
            advice = "MPBN Lab cannot write in the folder " + folder + " (it exists, but files cannot be made in it)."
                    + " Choose a folder you can write to, such as your home folder, and save again.";
        } else if (e instanceof NoSuchFileException) {
            advice = "The folder " + folder + " does not exist. Choose an existing folder and save again.";
        } else if (reason.contains("directory") || reason.contains("is a folder")) {
            return isAFolder(target);
        } else {
            advice = "The file could not be written (" + reason(e) + "). Choose another folder and save again.";
        }
        return advice + nothingLost(target);
    }

    private static String isAFolder(Path target) {
        return "'" + name(target) + "' is a folder. Choose a file name inside it, e.g. " + name(target)
                + "/model.zip. Nothing was lost: the run and its weights are unchanged, and the folder is untouched.";
    }

    /** The run's copy could not be taken: the run ended or failed before the save reached it. */
    static String noModel(String why) {
        return "There is no trained network to save (" + why + "). Start or open a run, then save again.";
    }

    private static String nothingLost(Path target) {
        return " Nothing was lost: the run and its weights are unchanged"
                + (Files.exists(target) ? ", and the existing " + name(target) + " is untouched." : ".");
    }

    /** The operating system's reason, without the path or the exception's class. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof FileSystemException) {
            return e instanceof AccessDeniedException ? "permission denied" : "the file system refused";
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }

    private static String name(Path target) {
        Path name = target.getFileName();
        return name == null ? target.toString() : name.toString();
    }
}
