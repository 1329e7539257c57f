package org.mpbnlab.cli;

import picocli.CommandLine.Option;

/** {@code --batch N}: how many samples a command runs through the model at once ({@code eval}, {@code predict}, {@code fold --check}). */
final class BatchOption {

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Samples per forward pass (default ${DEFAULT-VALUE}).")
    int batch;

    /** The batch size, refused (exit code 2) below 1. */
    int size() {
        Checks.require(batch >= 1, "--batch must be at least 1, got " + batch);
        return batch;
    }
}
