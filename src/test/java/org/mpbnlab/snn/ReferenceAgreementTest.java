package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.reference.LifStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every fast LIF kernel against the double-precision reference step ({@link LifStep}): the float training
 * kernels (charge-and-fire, charge-and-sum then MPBN-and-fire), the float one-pass inference step, the double
 * kernels, and folded neurons (float and double), over random shapes (dense and conv), batch sizes, numbers
 * of steps, τ and V_th, MPBN off / channel / element with shared or per-step statistics, training and
 * evaluation, per-step or static input frames, detached reset, and γ &lt; 0, γ = 0 and γ = −0.0.
 * The comparison runs in lockstep and allows a different spike only at a float tie ({@link FloatTieRule}).
 */
class ReferenceAgreementTest {

    /** What one comparison saw: neurons compared, and spikes that differed at a float tie. */
    record Agreement(long compared, long ties) {
    }

    @Provide
    Arbitrary<DataType> types() {
        return Arbitraries.of(DataType.FLOAT, DataType.DOUBLE);
    }

    @Property(tries = 300, seed = "20261201")
    void lifNeuronsAgreeWithTheReferenceStep(@ForAll MpbnMode mode, @ForAll RunningStatsMode statistics,
                                             @ForAll boolean training, @ForAll("types") DataType type,
                                             @ForAll boolean conv, @ForAll boolean staticInput,
                                             @ForAll boolean detachReset,
                                             @ForAll @IntRange(min = 1, max = 1_000_000) int seed) {
        Agreement agreement = compareLif(mode, statistics, training, type, conv, staticInput, detachReset, seed);
        assertTrue(agreement.compared() > 0);
        assertTrue(agreement.ties() <= 1 + agreement.compared() / 100, "too many float ties: " + agreement);
    }

    @Property(tries = 200, seed = "20261201")
    void foldedNeuronsAgreeWithTheReferenceStep(@ForAll("types") DataType type, @ForAll boolean conv,
                                                @ForAll boolean perStep, @ForAll boolean staticInput,
                                                @ForAll @IntRange(min = 1, max = 1_000_000) int seed) {
        Agreement agreement = compareFolded(type, conv, perStep, staticInput, seed);
        assertTrue(agreement.compared() > 0);
        assertTrue(agreement.ties() <= 1 + agreement.compared() / 100, "too many float ties: " + agreement);
    }

    /**
     * Float ties are rare: over 400 random float cases of MPBN in training (where the statistics round too)
     * fewer than one spike in a thousand differs from the reference, and the double engine has none.
     */
    @Test
    void floatTiesAreRareAndTheDoubleEngineHasNone() {
        long compared = 0;
        long ties = 0;
        long doubleTies = 0;
        for (int seed = 1; seed <= 400; seed++) {
            MpbnMode mode = seed % 2 == 0 ? MpbnMode.CHANNEL : MpbnMode.ELEMENT;
            Agreement single = compareLif(mode, RunningStatsMode.PER_STEP, true, DataType.FLOAT, seed % 3 == 0,
                    false, false, seed);
            compared += single.compared();
            ties += single.ties();
            doubleTies += compareLif(mode, RunningStatsMode.SHARED, seed % 5 != 0, DataType.DOUBLE, seed % 3 == 0,
                    seed % 4 == 0, false, seed).ties();
        }
        assertTrue(compared > 10_000, "compared " + compared);
        assertTrue(ties * 1000 < compared, ties + " float ties in " + compared + " spikes");
        assertEquals(0, doubleTies);
    }

    /** One random LIF layer run by the engine and checked step by step against the reference. */
    static Agreement compareLif(MpbnMode mode, RunningStatsMode statistics, boolean training, DataType type,
                                boolean conv, boolean staticInput, boolean detachReset, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = 1 + rng.nextInt(5);
        int batch = 1 + rng.nextInt(6);
        int[] shape = conv ? new int[] {1 + rng.nextInt(3), 1 + rng.nextInt(3), 1 + rng.nextInt(4)}
                : new int[] {1 + rng.nextInt(12)};
        double tau = rng.nextBoolean() ? 0.25 : rng.nextDouble();
        double vth = 0.1 + rng.nextDouble();
        LifParameters lif = new LifParameters(tau, vth, Surrogate.TANH, detachReset);
        MpbnParameters mpbn = MpbnParameters.of(mode, statistics);
        LifNeurons layer = new LifNeurons(shape, steps, lif, mpbn, type);
        GroupLayout layout = layer.normalizationLayout();
        int groups = layout.groups();
        int spatial = layout.spatial();
        int neurons = layout.rowSize();
        double epsilon = mpbn.epsilon();
        int sets = mpbn.enabled() ? layer.statisticSets() : 0;
        double[] gamma = new double[groups];
        double[] beta = new double[groups];
        double[][] runningMean = new double[sets][groups];
        double[][] runningVar = new double[sets][groups];
        if (mpbn.enabled()) {
            for (int g = 0; g < groups; g++) {
                double kind = rng.nextDouble();
                gamma[g] = rounded(type, kind < 0.1 ? 0.0 : kind < 0.2 ? -0.0 : kind < 0.4
                        ? -2 * rng.nextDouble() : 2 * rng.nextDouble());
                beta[g] = rounded(type, rng.nextDouble() - 0.3);
                for (int set = 0; set < sets; set++) {
                    runningMean[set][g] = rounded(type, rng.nextDouble() - 0.3);
                    runningVar[set][g] = rounded(type, rng.nextDouble() < 0.1 ? 1e-4 : 0.05 + rng.nextDouble());
                }
            }
            ArrayValues.write(layer.gamma().value(), gamma);
            ArrayValues.write(layer.beta().value(), beta);
            ArrayValues.write(layer.runningMean(), flatten(runningMean));
            ArrayValues.write(layer.runningVar(), flatten(runningVar));
        }
        int inputRows = staticInput ? batch : steps * batch;
        INDArray x = randomInput(rng, type, inputRows, shape);
        layer.forward(x, new Pass(steps, batch, training));

        double[] input = ArrayValues.read(x);
        double[] uPre = ArrayValues.read(layer.lastMembraneBeforeNorm());
        double[] compared = ArrayValues.read(layer.lastMembraneAfterNorm());
        double[] spikes = ArrayValues.read(layer.lastSpikes());
        FloatTieRule rule = FloatTieRule.forFloat(type == DataType.FLOAT);
        LifStep.Lif reference = new LifStep.Lif(tau, vth);
        long ties = 0;
        double[][] expectedMean = runningMean.length == 0 ? new double[0][] : copy(runningMean);
        double[][] expectedVar = runningMean.length == 0 ? new double[0][] : copy(runningVar);
        double[][] runningSlack = new double[2][groups];
        for (int t = 0; t < steps; t++) {
            double[][] xt = rows(input, staticInput ? 0 : t * batch, batch, neurons);
            LifStep.State state = engineState(uPre, spikes, t, batch, neurons);
            double[][] previous = state.membrane();
            LifStep.Result step;
            double[] mean = null;
            double[] variance = null;
            double[] meanBound = new double[groups];
            double[] inverseStdBound = new double[groups];
            if (!mpbn.enabled()) {
                step = LifStep.lif(xt, state, reference);
            } else if (training) {
                step = LifStep.mpbnTraining(xt, state, reference, gamma, beta, spatial, epsilon);
                double[][] moments = LifStep.batchStatistics(step.charged(), spatial);
                mean = moments[0];
                variance = moments[1];
            } else {
                int set = sets == 1 ? 0 : t;
                step = LifStep.mpbn(xt, state, reference, new LifStep.Mpbn(spatial, runningMean[set],
                        runningVar[set], gamma, beta, epsilon));
                mean = runningMean[set];
                variance = runningVar[set];
            }
            double[][] charged = step.charged();
            double[][] value = step.compared();
            double[][] fired = step.spikes();
            double[][] chargeBound = new double[batch][neurons];
            double[] largestBound = new double[groups];
            double[] largestMagnitude = new double[groups];
            for (int b = 0; b < batch; b++) {
                for (int n = 0; n < neurons; n++) {
                    chargeBound[b][n] = rule.chargeBound(tau, previous[b][n], xt[b][n], charged[b][n]);
                    largestBound[n / spatial] = Math.max(largestBound[n / spatial], chargeBound[b][n]);
                    largestMagnitude[n / spatial] = Math.max(largestMagnitude[n / spatial],
                            Math.abs(charged[b][n]) + chargeBound[b][n]);
                }
            }
            if (mpbn.enabled()) {
                double n = (double) batch * spatial;
                for (int g = 0; g < groups; g++) {
                    double reciprocal = 1 / Math.sqrt(variance[g] + epsilon);
                    if (training) {
                        meanBound[g] = rule.meanBound(largestBound[g], largestMagnitude[g], n);
                        inverseStdBound[g] = rule.inverseStdBound(variance[g], epsilon, largestBound[g],
                                largestMagnitude[g], n);
                        double shift = 2 * Math.sqrt(variance[g]) * largestBound[g] + largestBound[g] * largestBound[g]
                                + 8 * n * 0x1p-24 * largestMagnitude[g] * largestMagnitude[g];
                        double unbias = n > 1 ? n / (n - 1) : 1;
                        runningSlack[0][g] += mpbn.momentum() * meanBound[g];
                        runningSlack[1][g] += mpbn.momentum() * unbias * shift;
                    } else {
                        inverseStdBound[g] = 4 * (type == DataType.FLOAT ? 0x1p-24 : 0x1p-53);
                    }
                    assertWithin(mean[g], layer.lastStepMean(t)[g], meanBound[g] + 1e-300, "μ", t, g);
                    assertWithin(reciprocal, layer.lastStepInverseStd(t)[g],
                            reciprocal * inverseStdBound[g], "1/sqrt(σ² + ε)", t, g);
                }
                if (training) {
                    int set = sets == 1 ? 0 : t;
                    double[][] next = LifStep.runningStatistics(expectedMean[set], expectedVar[set], mean, variance,
                            n, mpbn.momentum());
                    expectedMean[set] = next[0];
                    expectedVar[set] = next[1];
                }
            }
            for (int b = 0; b < batch; b++) {
                for (int n = 0; n < neurons; n++) {
                    int i = (t * batch + b) * neurons + n;
                    int g = n / spatial;
                    assertWithin(charged[b][n], uPre[i], chargeBound[b][n], "u_pre", t, n);
                    double bound = chargeBound[b][n];
                    if (mpbn.enabled()) {
                        double scale = gamma[g] / Math.sqrt(variance[g] + epsilon);
                        bound = rule.normalizedBound(scale, chargeBound[b][n], meanBound[g], inverseStdBound[g],
                                charged[b][n], mean[g], value[b][n], beta[g]);
                        assertWithin(value[b][n], compared[i], bound, "û", t, n);
                    }
                    assertEquals(compared[i] > vth ? 1.0 : 0.0, spikes[i],
                            "the engine fires on its own stored value at step " + t + ", neuron " + n);
                    if (spikes[i] != fired[b][n]) {
                        assertTrue(Math.abs(value[b][n] - vth) <= bound, "spike differs at step " + t
                                + ", neuron " + n + " although " + value[b][n] + " is not within " + bound
                                + " of V_th = " + vth);
                        ties++;
                    }
                }
            }
        }
        if (type == DataType.DOUBLE) {
            assertFreeRunAgrees(input, uPre, spikes, staticInput, steps, batch, neurons, reference, mpbn.enabled(),
                    training, gamma, beta, spatial, epsilon, runningMean, runningVar);
        }
        if (mpbn.enabled() && training) {
            double[] engineMean = ArrayValues.read(layer.runningMean());
            double[] engineVar = ArrayValues.read(layer.runningVar());
            double unit = type == DataType.FLOAT ? 0x1p-24 : 0x1p-53;
            for (int set = 0; set < sets; set++) {
                for (int g = 0; g < groups; g++) {
                    double m = expectedMean[set][g];
                    double v = expectedVar[set][g];
                    assertWithin(m, engineMean[set * groups + g], runningSlack[0][g] + 8 * unit * (Math.abs(m) + 1),
                            "running μ", set, g);
                    assertWithin(v, engineVar[set * groups + g], runningSlack[1][g] + 8 * unit * (Math.abs(v) + 1),
                            "running σ²", set, g);
                }
            }
        }
        return new Agreement((long) steps * batch * neurons, ties);
    }

    /** One random folded layer (directions +1, −1 and 0) run by the engine and checked against the reference. */
    static Agreement compareFolded(DataType type, boolean conv, boolean perStep, boolean staticInput, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int steps = 1 + rng.nextInt(5);
        int batch = 1 + rng.nextInt(6);
        int[] shape = conv ? new int[] {1 + rng.nextInt(3), 1 + rng.nextInt(3), 1 + rng.nextInt(4)}
                : new int[] {1 + rng.nextInt(12)};
        double tau = rng.nextBoolean() ? 0.25 : rng.nextDouble();
        LifParameters lif = new LifParameters(tau, 0.5, Surrogate.TANH, false);
        GroupLayout layout = rng.nextBoolean() ? GroupLayout.channels(shape) : GroupLayout.elements(shape);
        int sets = perStep ? steps : 1;
        FoldedLifNeurons layer = new FoldedLifNeurons(shape, lif, layout, sets, type);
        int groups = layout.groups();
        double[] threshold = new double[sets * groups];
        double[] direction = new double[sets * groups];
        for (int k = 0; k < threshold.length; k++) {
            double kind = rng.nextDouble();
            direction[k] = kind < 0.15 ? 0 : kind < 0.4 ? -1 : 1;
            threshold[k] = direction[k] == 0 ? (rng.nextBoolean() ? -1.0 : 1.0)
                    : rounded(type, rng.nextGaussian() * 0.5 + 0.3 * direction[k]);
        }
        ArrayValues.write(layer.threshold(), threshold);
        ArrayValues.write(layer.direction(), direction);
        int neurons = layout.rowSize();
        INDArray x = randomInput(rng, type, staticInput ? batch : steps * batch, shape);
        layer.forward(x, new Pass(steps, batch, false));

        double[] input = ArrayValues.read(x);
        double[] uPre = ArrayValues.read(layer.lastMembraneBeforeNorm());
        double[] spikes = ArrayValues.read(layer.lastSpikes());
        FloatTieRule rule = FloatTieRule.forFloat(type == DataType.FLOAT);
        long ties = 0;
        for (int t = 0; t < steps; t++) {
            int set = sets == 1 ? 0 : t;
            double[] setThreshold = java.util.Arrays.copyOfRange(threshold, set * groups, (set + 1) * groups);
            int[] setDirection = new int[groups];
            for (int g = 0; g < groups; g++) {
                setDirection[g] = (int) direction[set * groups + g];
            }
            double[][] xt = rows(input, staticInput ? 0 : t * batch, batch, neurons);
            LifStep.State state = engineState(uPre, spikes, t, batch, neurons);
            double[][] previous = state.membrane();
            LifStep.Result step = LifStep.folded(xt, state, new LifStep.Lif(tau, 0.5),
                    new LifStep.Folded(layout.spatial(), setThreshold, setDirection));
            double[][] charged = step.charged();
            double[][] fired = step.spikes();
            for (int b = 0; b < batch; b++) {
                for (int n = 0; n < neurons; n++) {
                    int i = (t * batch + b) * neurons + n;
                    int g = n / layout.spatial();
                    double bound = rule.chargeBound(tau, previous[b][n], xt[b][n], charged[b][n]);
                    assertWithin(charged[b][n], uPre[i], bound, "u_pre", t, n);
                    double vTilde = setThreshold[g];
                    boolean own = switch (setDirection[g]) {
                        case 1 -> uPre[i] > vTilde;
                        case -1 -> uPre[i] < vTilde;
                        default -> vTilde < 0;
                    };
                    assertEquals(own ? 1.0 : 0.0, spikes[i], "the folded engine decides on its own u_pre");
                    if (spikes[i] != fired[b][n]) {
                        assertTrue(setDirection[g] != 0 && Math.abs(charged[b][n] - vTilde) <= bound,
                                "spike differs at step " + t + ", neuron " + n + " away from a float tie");
                        ties++;
                    }
                }
            }
        }
        return new Agreement((long) steps * batch * neurons, ties);
    }

    /**
     * The reference run on its own, each step from the state the step before left (so the reference's reset
     * line is exercised too): the double engine's spikes are the same, its membranes equal up to rounding.
     */
    private static void assertFreeRunAgrees(double[] input, double[] uPre, double[] spikes, boolean staticInput,
                                            int steps, int batch, int neurons, LifStep.Lif lif, boolean mpbn,
                                            boolean training, double[] gamma, double[] beta, int spatial,
                                            double epsilon, double[][] runningMean, double[][] runningVar) {
        LifStep.State state = LifStep.State.atRest(batch, neurons);
        for (int t = 0; t < steps; t++) {
            double[][] xt = rows(input, staticInput ? 0 : t * batch, batch, neurons);
            int set = runningMean.length == 1 ? 0 : t;
            LifStep.Result step = !mpbn ? LifStep.lif(xt, state, lif)
                    : training ? LifStep.mpbnTraining(xt, state, lif, gamma, beta, spatial, epsilon)
                    : LifStep.mpbn(xt, state, lif, new LifStep.Mpbn(spatial, runningMean[set], runningVar[set], gamma,
                            beta, epsilon));
            double[][] charged = step.charged();
            double[][] fired = step.spikes();
            for (int b = 0; b < batch; b++) {
                for (int n = 0; n < neurons; n++) {
                    int i = (t * batch + b) * neurons + n;
                    assertEquals(fired[b][n], spikes[i], "free run: spike at step " + t + ", neuron " + n);
                    assertWithin(charged[b][n], uPre[i], 1e-12 * (1 + Math.abs(charged[b][n])), "free run: u_pre",
                            t, n);
                }
            }
            state = step.next();
        }
    }

    /** The reference state before step t, taken from the engine: {@code u[t−1] = u_pre[t−1]·(1 − s[t−1])}. */
    static LifStep.State engineState(double[] uPre, double[] spikes, int t, int batch, int neurons) {
        if (t == 0) {
            return LifStep.State.atRest(batch, neurons);
        }
        double[][] u = rows(uPre, (t - 1) * batch, batch, neurons);
        double[][] s = rows(spikes, (t - 1) * batch, batch, neurons);
        for (int b = 0; b < batch; b++) {
            for (int n = 0; n < neurons; n++) {
                u[b][n] = u[b][n] * (1 - s[b][n]);
            }
        }
        return new LifStep.State(u);
    }

    static double[][] rows(double[] values, int firstRow, int count, int width) {
        double[][] out = new double[count][width];
        for (int r = 0; r < count; r++) {
            System.arraycopy(values, (firstRow + r) * width, out[r], 0, width);
        }
        return out;
    }

    static INDArray randomInput(SplittableRandom rng, DataType type, int rows, int[] shape) {
        long[] full = new long[shape.length + 1];
        full[0] = rows;
        int size = rows;
        for (int d = 0; d < shape.length; d++) {
            full[d + 1] = shape[d];
            size *= shape[d];
        }
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = 0.6 * rng.nextGaussian() + 0.3;
        }
        INDArray x = Nd4j.create(type, full);
        ArrayValues.write(x, values);
        return x;
    }

    private static double rounded(DataType type, double value) {
        return type == DataType.FLOAT ? (float) value : value;
    }

    private static double[] flatten(double[][] values) {
        int width = values.length == 0 ? 0 : values[0].length;
        double[] out = new double[values.length * width];
        for (int r = 0; r < values.length; r++) {
            System.arraycopy(values[r], 0, out, r * width, width);
        }
        return out;
    }

    private static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = values[r].clone();
        }
        return out;
    }

    private static void assertWithin(double expected, double actual, double bound, String what, int t, int index) {
        assertTrue(Math.abs(expected - actual) <= bound, what + " at step " + t + ", index " + index + ": engine "
                + actual + ", reference " + expected + ", allowed ±" + bound);
    }
}
