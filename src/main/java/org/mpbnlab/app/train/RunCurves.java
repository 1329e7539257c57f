package org.mpbnlab.app.train;

import org.mpbnlab.session.TrainingCurves;

/**
 * The curves of one run with its number and legend text, immutable, for drawing off the FX thread.
 */
public record RunCurves(int number, String label, TrainingCurves curves) {
}
