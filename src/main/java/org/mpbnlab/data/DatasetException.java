package org.mpbnlab.data;

/**
 * A dataset cannot be made, found, read or downloaded. The message is one line saying what is wrong
 * and what to do; it is meant to be shown to the user as it is.
 */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(oneLine(message));
    }

    public DatasetException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** The message on one line: control characters (a file's bytes quoted in it, line breaks) become '?'. */
    static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\p{Cntrl}", "?");
    }
}
