package org.mpbnlab.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded or saved: not a model file at all, damaged, from a newer
 * version, or over a safety limit. The message is one line that says what is wrong and what to
 * do, fit to be shown to the user as it is.
 */
public class ModelFileException extends IOException {
    public ModelFileException(String message) {
        super(oneLine(message));
    }

    public ModelFileException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** The message on one line: control characters (a file's bytes quoted in it, line breaks) become '?'. */
    static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\p{Cntrl}", "?");
    }
}
