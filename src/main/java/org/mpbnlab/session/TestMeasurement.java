package org.mpbnlab.session;

/**
 * One measurement on the test split in evaluation mode, as the test curve holds it, with what it was measured
 * on: the live curve measures the first test samples every few iterations (see {@link SessionPacing}), and at
 * each epoch's end the trainer measures the whole split (the figure {@code train} reports). A view says which,
 * so that a figure from an older iteration or a subset is not read as the current weights' accuracy on all.
 *
 * @param iteration    the iteration whose weights were measured
 * @param samples      how many test samples were measured (the first ones of the split)
 * @param splitSamples how many samples the test split has
 * @param accuracy     fraction of those samples classified correctly, in [0, 1]
 * @param loss         mean cross-entropy over those samples
 */
public record TestMeasurement(long iteration, int samples, int splitSamples, double accuracy, double loss) {

    public TestMeasurement {
        if (samples < 1 || splitSamples < samples) {
            throw new IllegalArgumentException("a test measurement covers between 1 and all test samples");
        }
    }

    /** True when every sample of the test split was measured (at an epoch's end, or a split no larger than the subset). */
    public boolean wholeSplit() {
        return samples == splitSamples;
    }
}
