package org.mpbnlab.train;

/** Loss and accuracy of a network (evaluation mode) on a split. */
public record Evaluation(double loss, double accuracy, int samples) {
}
