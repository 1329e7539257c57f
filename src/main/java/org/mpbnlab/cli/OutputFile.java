package org.mpbnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a command's {@code --out} before any work is done, so that an hour of training or a whole-test-set
 * check never ends in a failed write, and the message names the user's file rather than the temporary file
 * an atomic write goes through.
 */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * Refuses {@code out} unless its name ends in {@code extension}, e.g. {@code --out r.txt} for a recording, which
     * would otherwise be a NumPy archive under a text file's name.
     *
     * @param what what the file is, in the user's words, e.g. {@code "a model file"}
     */
    static void requireExtension(Path out, String extension, String what) {
        Path name = out.getFileName();
        Checks.require(name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(extension),
                "--out must end in " + extension + " (" + what + "), got '" + out + "'");
    }

    /**
     * Refuses {@code out} when its folder does not exist, is not writable, or {@code out} is itself a folder.
     *
     * @param example a file name to suggest when a folder was given, e.g. {@code "m.zip"}
     * @throws IllegalArgumentException with a message in the user's terms
     */
    static void requireWritable(Path out, String example) {
        Path folder = out.toAbsolutePath().normalize().getParent();
        Checks.require(!Files.isDirectory(out), "cannot write " + out + ": it is a folder; give a file name, e.g. "
                + (folder == null ? example : out.resolve(example)));
        Checks.require(folder != null && Files.isDirectory(folder), "cannot write " + out + ": the folder "
                + folder + " does not exist; create it first or choose another --out");
        Checks.require(Files.isWritable(folder), "cannot write " + out + ": the folder " + folder
                + " is not writable; choose another --out");
    }
}
