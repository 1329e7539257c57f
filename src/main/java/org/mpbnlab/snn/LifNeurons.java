package org.mpbnlab.snn;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.kernel.ArrayView;
import org.mpbnlab.snn.kernel.FiringRule;
import org.mpbnlab.snn.kernel.TimeRepeat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer of leaky integrate-and-fire neurons with optional Membrane Potential Batch
 * Normalization (docs/mathematics.md §1–3). For every step t, element-wise:
 * <pre>
 *   u_pre[t] = τ·u[t−1] + x[t]                 charge (u[−1] = 0)
 *   û[t]     = γ·(u_pre[t] − μ)/sqrt(σ² + ε) + β   MPBN, only when it is on (else û = u_pre)
 *   s[t]     = [û[t] > V_th]                   fire (strict '>')
 *   u[t]     = u_pre[t]·(1 − s[t])             hard reset of the RAW membrane
 * </pre>
 * In training μ, σ² are the batch statistics of step t (per channel over (B, H, W), or per element
 * over B); in evaluation the running statistics (shared by all steps, or one set per step).
 * The stored state is the raw membrane: MPBN only decides whether the neuron fires, which is what
 * makes folding it into the threshold exact.
 * The same step written as the equations read, without the engine's buffers and threads, is
 * {@link org.mpbnlab.snn.reference.LifStep}; this layer is tested against it.
 *
 * <p>Backward is full BPTT. With {@code g_u[t] = ∂L/∂u[t] = τ·∂L/∂u_pre[t+1]}:
 * <pre>
 *   ∂L/∂s[t]     = ∂L/∂s[t]|out − g_u[t]·u_pre[t]      (second term absent with a detached reset)
 *   ∂L/∂û[t]     = ∂L/∂s[t] · φ'(û[t])                  surrogate
 *   ∂L/∂u_pre[t] = g_u[t]·(1 − s[t]) + MPBN_backward(∂L/∂û[t])
 *   ∂L/∂x[t]     = ∂L/∂u_pre[t]
 * </pre>
 */
public final class LifNeurons extends ShapePreservingLayer implements NeuronLayer {

    private final int rowSize;
    private final LifParameters lif;
    private final MpbnParameters mpbn;
    private final GroupLayout normLayout;
    private final int trainedSteps;
    private final DataType type;
    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVar;
    /** Without MPBN: every neuron compares u_pre with V_th (one group of the whole row). */
    private final FiringThreshold[] plainThresholds;

    private INDArray spikes;
    private INDArray gradInput;
    // the loops run over heap copies (see ArrayView#heap); the arrays above are what other layers see
    private ArrayView membraneHeap;
    private ArrayView normalizedHeap;
    private ArrayView spikesHeap;
    private ArrayView gradOutputHeap;
    private ArrayView gradInputHeap;
    private ArrayView gradNormalizedHeap;
    /** x: its heap copy, and the last pass's x as given. */
    private final NeuronInput input = new NeuronInput();
    /** ∂L/∂x summed over the steps, [B, ...shape], when the input was a static frame. */
    private INDArray staticGradInput;
    /** φ'(û) (or φ'(u_pre) without MPBN) of the step being back-propagated. */
    private ArrayView slopeHeap;
    private INDArray membraneBeforeNorm;
    private INDArray membraneAfterNorm;
    private boolean membranesPublished;
    private double[][] stepMean = new double[0][];
    private double[][] stepInverseStd = new double[0][];
    /** γ·1/sqrt(σ² + ε) and β per group as step t of the last forward used them (γ, β may change after). */
    private double[][] stepScale = new double[0][];
    private double[][] stepShift = new double[0][];
    private Pass lastPass;
    private boolean smoothForward;

    /**
     * @param sampleShape  per-sample shape, [F] or [C, H, W]
     * @param timeSteps    T the layer is trained with (sizes the per-step running statistics)
     */
    public LifNeurons(int[] sampleShape, int timeSteps, LifParameters lif, MpbnParameters mpbn, DataType type) {
        super(sampleShape);
        this.rowSize = Shapes.size(sampleShape);
        this.plainThresholds = new FiringThreshold[] {FiringThreshold.plain(lif.threshold(), type)};
        this.lif = lif;
        this.mpbn = mpbn;
        this.trainedSteps = timeSteps;
        this.type = type;
        this.normLayout = mpbn.mode() == MpbnMode.ELEMENT ? GroupLayout.elements(sampleShape)
                : GroupLayout.channels(sampleShape);
        if (mpbn.enabled()) {
            int groups = normLayout.groups();
            gamma = new Parameter("gamma", Nd4j.ones(type, groups), false);
            beta = new Parameter("beta", Nd4j.zeros(type, groups), false);
            int sets = mpbn.statistics() == RunningStatsMode.PER_STEP ? timeSteps : 1;
            runningMean = Nd4j.zeros(type, sets, groups);
            runningVar = Nd4j.ones(type, sets, groups);
        } else {
            gamma = null;
            beta = null;
            runningMean = null;
            runningVar = null;
        }
    }

    @Override
    public String kind() {
        return "lif";
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        int steps = pass.timeSteps();
        int batch = pass.batchSize();
        int rows = pass.rows();
        checkSteps(pass);
        spikes = Shapes.ensureRows(spikes, type, rows, shape);
        ensureStepStatistics(steps);
        boolean staticInput = StaticFrames.given(x, pass);
        boolean inference = !pass.training() && !smoothForward;
        // the float engine's inference step reads the input in bulk where it is; everything else works on a heap copy
        boolean streamInput = inference && type == DataType.FLOAT && ArrayView.viewable(x);
        ArrayView in = streamInput ? ArrayView.of(x) : input.heapCopy(x);
        membraneHeap = ArrayView.heapLike(membraneHeap, spikes);
        if (!inference || type != DataType.FLOAT) {
            // the float engine's inference step writes spikes straight out and keeps none
            spikesHeap = ArrayView.heapLike(spikesHeap, spikes);
        }
        ArrayView spikesView = ArrayView.of(spikes);
        if (mpbn.enabled()) {
            normalizedHeap = ArrayView.heapLike(normalizedHeap, spikes);
        }
        ArrayView uPre = membraneHeap;
        ArrayView out = spikesHeap;
        ArrayView uHat = mpbn.enabled() ? normalizedHeap : uPre;
        int block = batch * rowSize;
        boolean fused = !mpbn.enabled() && !smoothForward;
        FiringRule previous = null;
        for (int t = 0; t < steps; t++) {
            int start = t * block;
            int shift = staticInput ? start : 0;
            if (inference) {
                FiringRule rule = inferenceRule(t);
                if (LifDynamics.inferStep(in, uPre, mpbn.enabled() ? normalizedHeap : null, spikesView, start, batch,
                        t == 0, lif.tau(), shift, rule, previous)) {
                    previous = rule;
                    continue;
                }
            }
            if (fused) {
                LifDynamics.chargeAndFire(in, uPre, out, start, block, t == 0, lif.tau(), shift, rowSize,
                        plainThresholds);
            } else if (mpbn.enabled()) {
                chargeAndNormalize(in, uPre, uHat, out, t, batch, pass.training(), shift);
            } else {
                LifDynamics.charge(in, uPre, out, start, block, t == 0, lif.tau(), shift);
                LifDynamics.fireSmooth(uPre, out, start, block, lif);
            }
            // published step by step, while the step's spikes are still in the cache
            spikesHeap.copyRangeTo(start, spikesView, start, block);
        }
        input.remember(x, staticInput, pass);
        lastPass = pass;
        membranesPublished = false;
        return spikes;
    }

    /** Copies the heap membranes of the last forward pass into the arrays the accessors return. */
    private void publishMembranes() {
        if (membranesPublished || lastPass == null) {
            return;
        }
        int rows = lastPass.rows();
        membraneBeforeNorm = Shapes.ensureRows(membraneBeforeNorm, type, rows, shape);
        membraneHeap.copyTo(membraneBeforeNorm);
        if (mpbn.enabled()) {
            membraneAfterNorm = Shapes.ensureRows(membraneAfterNorm, type, rows, shape);
            normalizedHeap.copyTo(membraneAfterNorm);
        }
        membranesPublished = true;
    }

    /**
     * One step with MPBN: charge (accumulating the step's sums in training), the statistics — batch
     * statistics of the step in training (also folded into the running ones), running statistics in
     * evaluation — then normalise and fire.
     */
    private void chargeAndNormalize(ArrayView in, ArrayView uPre, ArrayView uHat, ArrayView out, int t, int batch,
                                    boolean training, int shift) {
        double[] mean = stepMean[t];
        double[] inverseStd = stepInverseStd[t];
        int groups = normLayout.groups();
        int start = t * batch * rowSize;
        ArrayView runMean = ArrayView.of(runningMean);
        ArrayView runVar = ArrayView.of(runningVar);
        int offset = runningOffset(t);
        if (training) {
            double[] variance = new double[groups];
            LifDynamics.chargeAndSum(in, uPre, out, start, batch, t == 0, lif.tau(), shift, normLayout, mean,
                    variance);
            double n = (double) batch * normLayout.spatial();
            BatchNormMath.finishMoments(mean, variance, n);
            BatchNormMath.inverseStd(variance, mpbn.epsilon(), inverseStd);
            BatchNormMath.updateRunning(runMean, runVar, offset, mean, variance, n, mpbn.momentum());
        } else {
            BatchNormMath.runningMoments(runMean, runVar, offset, mpbn.epsilon(), mean, inverseStd);
        }
        ArrayView gammaView = ArrayView.of(gamma.value());
        ArrayView betaView = ArrayView.of(beta.value());
        double[] scale = new double[groups];
        double[] betaShift = new double[groups];
        for (int g = 0; g < groups; g++) {
            scale[g] = gammaView.get(g) * inverseStd[g];
            betaShift[g] = betaView.get(g);
        }
        stepScale[t] = scale;
        stepShift[t] = betaShift;
        if (!training) {
            LifDynamics.charge(in, uPre, out, start, batch * rowSize, t == 0, lif.tau(), shift);
        }
        LifDynamics.normalizeAndFire(uPre, uHat, out, start, batch, normLayout, mean, scale, betaShift, lif,
                smoothForward);
    }

    /**
     * The evaluation decision of step t: MPBN with the running statistics of the step's set (recorded as the
     * step's μ and 1/σ like {@link #chargeAndNormalize} does), or the plain threshold.
     */
    private FiringRule inferenceRule(int t) {
        if (!mpbn.enabled()) {
            return FiringThreshold.rule(rowSize, plainThresholds);
        }
        double[] mean = stepMean[t];
        double[] inverseStd = stepInverseStd[t];
        BatchNormMath.runningMoments(ArrayView.of(runningMean), ArrayView.of(runningVar), runningOffset(t),
                mpbn.epsilon(), mean, inverseStd);
        ArrayView gammaView = ArrayView.of(gamma.value());
        ArrayView betaView = ArrayView.of(beta.value());
        int groups = normLayout.groups();
        double[] scale = new double[groups];
        double[] shift = new double[groups];
        for (int g = 0; g < groups; g++) {
            scale[g] = gammaView.get(g) * inverseStd[g];
            shift[g] = betaView.get(g);
        }
        stepScale[t] = scale;
        stepShift[t] = shift;
        return FiringThreshold.normalizedRule(normLayout.spatial(), mean, scale, shift, lif.threshold());
    }

    /** Offset of step t's set in the running arrays: 0 when shared, t·groups per step. */
    int runningOffset(int t) {
        return mpbn.statistics() == RunningStatsMode.PER_STEP ? t * normLayout.groups() : 0;
    }

    private void checkSteps(Pass pass) {
        if (mpbn.enabled() && mpbn.statistics() == RunningStatsMode.PER_STEP && pass.timeSteps() > trainedSteps) {
            throw new IllegalArgumentException("per-step MPBN statistics exist for " + trainedSteps
                    + " time steps; cannot run " + pass.timeSteps());
        }
    }

    private void ensureStepStatistics(int steps) {
        if (stepMean.length != steps) {
            int groups = normLayout.groups();
            stepMean = new double[steps][groups];
            stepInverseStd = new double[steps][groups];
            stepScale = new double[steps][];
            stepShift = new double[steps][];
        }
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        if (lastPass == null || !lastPass.training()) {
            throw new IllegalStateException("backward needs a training forward pass first");
        }
        int steps = lastPass.timeSteps();
        int batch = lastPass.batchSize();
        int rows = lastPass.rows();
        int block = batch * rowSize;
        gradOutputHeap = ArrayView.heapLike(gradOutputHeap, gradOutput);
        gradOutputHeap.copyFrom(gradOutput);
        gradInputHeap = ArrayView.heapLike(gradInputHeap, gradOutput);
        ArrayView gradOut = gradOutputHeap;
        ArrayView gradIn = gradInputHeap;
        ArrayView uPre = membraneHeap;
        ArrayView s = spikesHeap;
        ArrayView gradHat = null;
        ArrayView uHat = null;
        if (mpbn.enabled()) {
            gradNormalizedHeap = ArrayView.heapLike(gradNormalizedHeap, gradOutput);
            gradHat = gradNormalizedHeap;
            uHat = normalizedHeap;
            gamma.gradient().assign(0);
            beta.gradient().assign(0);
        }
        slopeHeap = ArrayView.heapLike(slopeHeap, gradOutput);
        ArrayView slope = slopeHeap;
        int groups = normLayout.groups();
        double[] sumGrad = new double[groups];
        double[] sumGradXhat = new double[groups];
        for (int t = steps - 1; t >= 0; t--) {
            int start = t * block;
            LifDynamics.surrogateSlopes(mpbn.enabled() ? uHat : uPre, slope, start, block, lif);
            if (!mpbn.enabled()) {
                LifDynamics.backwardStep(gradOut, gradIn, uPre, slope, s, start, block, t == steps - 1, lif);
                continue;
            }
            LifDynamics.backwardStepAndSum(gradOut, gradIn, gradHat, uPre, slope, s, start, batch, t == steps - 1,
                    lif, normLayout, stepMean[t], stepInverseStd[t], sumGrad, sumGradXhat);
            LifDynamics.finishNormBackward(gradIn, gradHat, uPre, start, batch, normLayout, stepMean[t],
                    stepInverseStd[t], ArrayView.of(gamma.value()), sumGrad, sumGradXhat,
                    ArrayView.of(gamma.gradient()), ArrayView.of(beta.gradient()));
        }
        if (input.staticFrame()) {
            staticGradInput = Shapes.ensureRows(staticGradInput, type, batch, shape);
            TimeRepeat.sum(gradInputHeap, ArrayView.of(staticGradInput), steps);
            return staticGradInput;
        }
        gradInput = Shapes.ensureRows(gradInput, type, rows, shape);
        gradInputHeap.copyTo(gradInput);
        return gradInput;
    }

    /** How the neurons fire: the step (the default) or the surrogate's smooth stand-in (see {@link Firing}). */
    public void setFiring(Firing firing) {
        this.smoothForward = firing == Firing.SMOOTH;
    }

    @Override
    public List<Parameter> parameters() {
        return mpbn.enabled() ? List.of(gamma, beta) : List.of();
    }

    @Override
    public List<NamedArray> buffers() {
        if (!mpbn.enabled()) {
            return List.of();
        }
        List<NamedArray> list = new ArrayList<>();
        list.add(new NamedArray("runningMean", runningMean));
        list.add(new NamedArray("runningVar", runningVar));
        return list;
    }

    @Override
    public LifParameters lifParameters() {
        return lif;
    }

    public MpbnParameters mpbnParameters() {
        return mpbn;
    }

    /** Grouping used by MPBN (channels, or one group per element). */
    public GroupLayout normalizationLayout() {
        return normLayout;
    }

    public DataType dataType() {
        return type;
    }

    /** Number of running-statistics sets: T for per-step statistics, else 1. */
    public int statisticSets() {
        return runningMean == null ? 0 : (int) runningMean.size(0);
    }

    /** T the running statistics were sized for. */
    public int trainedSteps() {
        return trainedSteps;
    }

    /** MPBN's γ, or null when MPBN is off. */
    public Parameter gamma() {
        return gamma;
    }

    /** MPBN's β, or null when MPBN is off. */
    public Parameter beta() {
        return beta;
    }

    /** Running means, [sets, groups] (sets = 1 shared, or T per step); null when MPBN is off. */
    public INDArray runningMean() {
        return runningMean;
    }

    /** Running variances (unbiased), same shape as {@link #runningMean()}. */
    public INDArray runningVar() {
        return runningVar;
    }

    /** Input current x of the last forward pass, [T·B, ...shape] (a static frame is written out for every step). */
    @Override
    public INDArray lastInputCurrent() {
        return input.perStep(type, shape);
    }

    /** u_pre of the last forward pass: the membrane after charging, before MPBN and reset. */
    @Override
    public INDArray lastMembraneBeforeNorm() {
        publishMembranes();
        return membraneBeforeNorm;
    }

    /** û of the last forward pass (the value compared with V_th); u_pre itself when MPBN is off. */
    public INDArray lastMembraneAfterNorm() {
        publishMembranes();
        return mpbn.enabled() ? membraneAfterNorm : membraneBeforeNorm;
    }

    /** Spikes s of the last forward pass. */
    @Override
    public INDArray lastSpikes() {
        return spikes;
    }

    /** The pass of the last forward call, or null. */
    public Pass lastPass() {
        return lastPass;
    }

    /** μ per group used at step t in the last forward (batch statistics in training, running in eval). */
    public double[] lastStepMean(int t) {
        return stepMean[t].clone();
    }

    /** 1/sqrt(σ² + ε) per group used at step t in the last forward. */
    public double[] lastStepInverseStd(int t) {
        return stepInverseStd[t].clone();
    }

    /**
     * γ·1/sqrt(σ² + ε) per group as step t of the last forward used it (û = (u_pre − μ)·scale + β); unlike
     * {@link #gamma()} it is not changed by an optimiser step taken after the forward.
     */
    public double[] lastStepScale(int t) {
        return stepScale[t].clone();
    }

    /** β per group as step t of the last forward used it. */
    public double[] lastStepShift(int t) {
        return stepShift[t].clone();
    }
}
