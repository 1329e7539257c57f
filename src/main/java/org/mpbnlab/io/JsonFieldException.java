package org.mpbnlab.io;

/**
 * A field of a JSON file that is missing, of the wrong kind, out of range or unknown. The message
 * names the field by its path in the file and says what it must be, e.g.
 * {@code network.timeSteps must be a whole number, got 4.9}; the caller adds which file it was.
 */
public final class JsonFieldException extends IllegalArgumentException {

    public JsonFieldException(String message) {
        super(message);
    }
}
