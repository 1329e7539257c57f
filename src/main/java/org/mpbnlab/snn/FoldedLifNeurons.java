package org.mpbnlab.snn;

import java.util.List;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FiringRule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LIF neurons whose MPBN has been folded into the firing threshold (docs/mathematics.md §4), for inference only:
 * <pre>
 *   u_pre[t] = τ·u[t−1] + x[t]
 *   s[t]     = [u_pre[t] &gt; Ṽ]   where direction = +1
 *            = [u_pre[t] &lt; Ṽ]   where direction = −1   (γ &lt; 0 flips the inequality)
 *            = [0·u_pre[t] &gt; Ṽ] where direction =  0   (γ = 0: constant, Ṽ = −1 always fires, +1 never)
 *   u[t]     = u_pre[t]·(1 − s[t])
 * </pre>
 * Ṽ and the direction are held per group — per channel, or per element (a threshold map) — and
 * per step when the running statistics were per step. A group whose decision does not depend on
 * u_pre (γ = 0) is constant: direction 0 and a finite Ṽ whose sign says which constant, so that every
 * stored value is finite and the model file round-trips ({@code docs/model-format.md}).
 */
public final class FoldedLifNeurons extends ShapePreservingLayer implements NeuronLayer {

    private final int rowSize;
    private final LifParameters lif;
    private final GroupLayout layout;
    private final DataType type;
    private final INDArray threshold;
    private final INDArray direction;
    private INDArray membrane;
    private INDArray spikes;
    // the loop runs over heap copies, like LifNeurons
    private ArrayView membraneHeap;
    private ArrayView spikesHeap;
    private boolean membranePublished;
    private Pass lastPass;
    /** x: its heap copy, and the last pass's x as given. */
    private final NeuronInput input = new NeuronInput();

    /**
     * @param sets number of threshold sets: 1, or T for per-step statistics
     */
    public FoldedLifNeurons(int[] sampleShape, LifParameters lif, GroupLayout layout, int sets, DataType type) {
        super(sampleShape);
        if (layout.rowSize() != Shapes.size(sampleShape)) {
            throw new IllegalArgumentException("threshold grouping does not match the layer shape");
        }
        this.rowSize = layout.rowSize();
        this.lif = lif;
        this.layout = layout;
        this.type = type;
        this.threshold = Nd4j.valueArrayOf(new long[] {sets, layout.groups()}, lif.threshold(), type);
        this.direction = Nd4j.ones(type, sets, layout.groups());
    }

    @Override
    public String kind() {
        return "lif-folded";
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        if (pass.training()) {
            throw new IllegalStateException("a folded network is inference-only: it cannot be trained further");
        }
        int sets = (int) threshold.size(0);
        if (sets > 1 && pass.timeSteps() > sets) {
            throw new IllegalArgumentException("per-step thresholds exist for " + sets + " time steps; cannot run "
                    + pass.timeSteps());
        }
        int rows = pass.rows();
        spikes = Shapes.ensureRows(spikes, type, rows, shape);
        boolean staticInput = StaticFrames.given(x, pass);
        // the float engine's inference step reads the input in bulk where it is; everything else works on a heap copy
        boolean streamInput = true && type == DataType.FLOAT && ArrayView.viewable(x);
        ArrayView in = streamInput ? ArrayView.of(x) : input.heapCopy(x);
        membraneHeap = ArrayView.heapLike(membraneHeap, spikes);
        if (type != DataType.FLOAT) {
            // the float engine writes spikes straight out and keeps none
            spikesHeap = ArrayView.heapLike(spikesHeap, spikes);
        }
        ArrayView spikesView = ArrayView.of(spikes);
        ArrayView uPre = membraneHeap;
        ArrayView out = spikesHeap;
        int block = pass.batchSize() * rowSize;
        FiringRule[] rules = rulesPerSet(sets);
        FiringRule previous = null;
        for (int t = 0; t < pass.timeSteps(); t++) {
            int set = sets == 1 ? 0 : t;
            int shift = staticInput ? t * block : 0;
            FiringRule rule = rules[set];
            if (LifDynamics.inferStep(in, uPre, null, spikesView, t * block, pass.batchSize(), t == 0, lif.tau(), shift,
                    rule, previous)) {
                previous = rule;
                continue;
            }
            LifDynamics.chargeAndFire(in, uPre, out, t * block, block, t == 0, lif.tau(), shift, layout.spatial(),
                    thresholds(set));
            // published step by step, while the step's spikes are still in the cache
            spikesHeap.copyRangeTo(t * block, spikesView, t * block, block);
        }
        membranePublished = false;
        lastPass = pass;
        input.remember(x, staticInput, pass);
        return spikes;
    }

    /** The float kernels' rule of every set (see {@link FiringThreshold#rule}), from the arrays. */
    private FiringRule[] rulesPerSet(int sets) {
        double[] thr = ArrayView.of(threshold).toDoubleArray();
        double[] dir = ArrayView.of(direction).toDoubleArray();
        int groups = layout.groups();
        FiringRule[] rules = new FiringRule[sets];
        for (int set = 0; set < sets; set++) {
            rules[set] = FiringThreshold.foldedRule(layout.spatial(),
                    java.util.Arrays.copyOfRange(thr, set * groups, (set + 1) * groups),
                    java.util.Arrays.copyOfRange(dir, set * groups, (set + 1) * groups));
        }
        return rules;
    }

    /** How every group of a row decides under threshold set {@code set}: Ṽ and its direction. */
    public FiringThreshold[] thresholds(int set) {
        ArrayView thr = ArrayView.of(threshold);
        ArrayView dir = ArrayView.of(direction);
        int groups = layout.groups();
        FiringThreshold[] row = new FiringThreshold[groups];
        for (int g = 0; g < groups; g++) {
            row[g] = FiringThreshold.folded(thr.get(set * groups + g), (int) Math.signum(dir.get(set * groups + g)),
                    type);
        }
        return row;
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        throw new IllegalStateException("a folded network is inference-only: it cannot be trained further");
    }

    @Override
    public List<NamedArray> buffers() {
        return List.of(new NamedArray("threshold", threshold), new NamedArray("direction", direction));
    }

    @Override
    public LifParameters lifParameters() {
        return lif;
    }

    public GroupLayout groupLayout() {
        return layout;
    }

    /** Ṽ per [set, group]. */
    public INDArray threshold() {
        return threshold;
    }

    /** +1 (fires when u_pre &gt; Ṽ), −1 (fires when u_pre &lt; Ṽ) or 0 (constant, see above) per [set, group]. */
    public INDArray direction() {
        return direction;
    }

    /**
     * Checks thresholds read from a file: every direction is +1, −1 or 0, and a constant group (0) stores
     * Ṽ = −1 or +1. Throws with a message in the file's terms otherwise.
     */
    public void checkStoredThresholds(String arrayPrefix) {
        ArrayView thr = ArrayView.of(threshold);
        ArrayView dir = ArrayView.of(direction);
        for (int i = 0; i < dir.length(); i++) {
            double d = dir.get(i);
            if (d != 1 && d != -1 && d != 0) {
                throw new IllegalArgumentException("array '" + arrayPrefix + "direction' holds " + d
                        + "; allowed are +1 (fires above Ṽ), −1 (fires below Ṽ) and 0 (constant)");
            }
            if (d == 0 && thr.get(i) != FiringThreshold.ALWAYS && thr.get(i) != FiringThreshold.NEVER) {
                throw new IllegalArgumentException("array '" + arrayPrefix + "threshold' holds " + thr.get(i)
                        + " for a constant group (direction 0), which must be −1 (always fires) or +1 (never fires)");
            }
        }
    }

    @Override
    public INDArray lastInputCurrent() {
        return input.perStep(type, shape);
    }

    @Override
    public INDArray lastMembraneBeforeNorm() {
        if (!membranePublished && lastPass != null) {
            membrane = Shapes.ensureRows(membrane, type, lastPass.rows(), shape);
            membraneHeap.copyTo(membrane);
            membranePublished = true;
        }
        return membrane;
    }

    @Override
    public INDArray lastSpikes() {
        return spikes;
    }

    public Pass lastPass() {
        return lastPass;
    }
}
