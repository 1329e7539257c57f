package org.mpbnlab.train;

/** The loss became NaN or infinite; the network holds the last weights that gave a finite loss. */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
