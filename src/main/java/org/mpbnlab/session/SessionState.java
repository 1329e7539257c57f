package org.mpbnlab.session;

/** Where a training session is in its life. */
public enum SessionState {
    /** Loading data and building the network (the first one also starts the engine, ~3 s). */
    PREPARING("preparing"),
    /** Built, at its initial weights, waiting for play or step. */
    READY("ready"),
    /** Training batch after batch. */
    RUNNING("training"),
    /** Stopped between two batches; play or step continue. */
    PAUSED("paused"),
    /** All epochs done. */
    FINISHED("finished"),
    /** Could not be built or trained; the message says why. */
    FAILED("failed");

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when play or step can train another batch. */
    public boolean canTrain() {
        return this == READY || this == PAUSED || this == RUNNING;
    }
}
