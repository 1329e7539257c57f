package org.mpbnlab.probe;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Two recordings of the same input by two networks of the same shape (the MPBN network and its fold, say),
 * compared spike for spike: which spikes differ at each layer and step, how many were compared and differ up to
 * each step, and the smallest margin {@code |u_pre − Ṽ|} the second network's membranes came to its thresholds
 * (neurons of constant groups have none). Sample {@code sample} of each recording is compared.
 *
 * @param differences per layer and step, the neurons whose spikes differ
 * @param compared    spikes compared in steps 0..t (all layers)
 * @param different   spikes that differ in steps 0..t
 * @param minMargin   the smallest |u_pre − Ṽ| of the second network in steps 0..t (+∞ when none)
 * @param examples    the first differing spikes, in step order, at most {@link #EXAMPLES}
 */
public record RecordingComparison(List<BitSet[]> differences, long[] compared, long[] different, double[] minMargin,
                                  List<Difference> examples) {

    /** Differences kept as examples. */
    public static final int EXAMPLES = 12;

    /**
     * One spike that differs.
     *
     * @param layer          spiking layer
     * @param step           time step
     * @param neuron         neuron within the layer
     * @param leftUPre       u_pre of the first network
     * @param rightUPre      u_pre of the second
     * @param rightThreshold Ṽ the second compared with (its direction in {@code rightDirection})
     * @param rightDirection +1, −1 or 0
     * @param leftFired      whether the first network fired
     */
    public record Difference(int layer, int step, int neuron, float leftUPre, float rightUPre, double rightThreshold,
                             int rightDirection, boolean leftFired) {
    }

    /** Compares sample {@code sample} of both recordings. */
    public static RecordingComparison of(Recording left, Recording right, int sample) {
        if (left.layers().size() != right.layers().size() || left.timeSteps() != right.timeSteps()) {
            throw new IllegalArgumentException("the recordings are of networks of different shapes");
        }
        int steps = left.timeSteps();
        long[] compared = new long[steps];
        long[] different = new long[steps];
        double[] margin = new double[steps];
        List<BitSet[]> differences = new ArrayList<>();
        List<Difference> examples = new ArrayList<>();
        double smallest = Double.POSITIVE_INFINITY;
        long seen = 0;
        long differ = 0;
        for (int l = 0; l < left.layers().size(); l++) {
            differences.add(new BitSet[steps]);
        }
        for (int t = 0; t < steps; t++) {
            for (int l = 0; l < left.layers().size(); l++) {
                LayerRecording a = left.layers().get(l);
                LayerRecording b = right.layers().get(l);
                BitSet marks = new BitSet(a.neurons());
                for (int n = 0; n < a.neurons(); n++) {
                    boolean fired = a.spiked(t, sample, n);
                    if (fired != b.spiked(t, sample, n)) {
                        marks.set(n);
                        differ++;
                        if (examples.size() < EXAMPLES) {
                            examples.add(new Difference(l, t, n, a.uPre(t, sample, n), b.uPre(t, sample, n),
                                    b.membraneThreshold(t, n), b.membraneDirection(t, n), fired));
                        }
                    }
                    if (b.membraneDirection(t, n) != 0) {
                        smallest = Math.min(smallest, Math.abs(b.uPre(t, sample, n) - b.membraneThreshold(t, n)));
                    }
                }
                seen += a.neurons();
                differences.get(l)[t] = marks;
            }
            compared[t] = seen;
            different[t] = differ;
            margin[t] = smallest;
        }
        return new RecordingComparison(differences, compared, different, margin, examples);
    }
}
