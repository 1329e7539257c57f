package org.mpbnlab.io;

import java.io.IOException;

/** A byte stream that is not a valid, supported NumPy {@code .npy} array; the message says why. */
public class NpyFormatException extends IOException {
    public NpyFormatException(String message) {
        super(oneLine(message));
    }

    /** The header declares more data than the reader allows: refused before allocating. */
    public static final class ArrayTooLarge extends NpyFormatException {
        private final long declaredBytes;

        public ArrayTooLarge(String message, long declaredBytes) {
            super(message);
            this.declaredBytes = declaredBytes;
        }

        /** The data size the header declares. */
        public long declaredBytes() {
            return declaredBytes;
        }
    }

    /** The message on one line: control characters (a file's bytes quoted in it, line breaks) become '?'. */
    static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\p{Cntrl}", "?");
    }
}
