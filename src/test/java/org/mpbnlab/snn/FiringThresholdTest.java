package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One type decides firing: the float kernels, compiled from a row of {@link FiringThreshold}s, decide every
 * float membrane exactly as {@link FiringThreshold#fires} does — MPBN with fixed statistics (γ &gt; 0, γ &lt; 0,
 * γ = 0, γ = −0.0), plain and folded neurons (directions +1, −1, 0), at and around every boundary. This is
 * what makes the fold exact: {@code fold.ExactThreshold} searches the boundary of {@code fires}, and the
 * kernels then decide like it.
 */
class FiringThresholdTest {

    @Property(tries = 200, seed = "20261201")
    void theKernelsDecideEveryMembraneAsTheThresholdDoes(@ForAll @IntRange(min = 1, max = 1_000_000) int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int groups = 1 + rng.nextInt(6);
        boolean folded = rng.nextBoolean();
        FiringThreshold[] row = new FiringThreshold[groups];
        for (int g = 0; g < groups; g++) {
            row[g] = folded ? randomFolded(rng) : randomNormalized(rng);
        }
        List<float[]> candidates = new ArrayList<>();
        for (FiringThreshold threshold : row) {
            candidates.add(membranesAround(threshold, rng));
        }
        int rows = candidates.get(0).length;
        float[] membranes = new float[rows * groups];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < groups; g++) {
                membranes[r * groups + g] = candidates.get(g)[r];
            }
        }
        float[] spikes = inferenceSpikes(row, membranes, rows);
        for (int i = 0; i < membranes.length; i++) {
            FiringThreshold threshold = row[i % groups];
            assertEquals(threshold.fires(membranes[i]) ? 1f : 0f, spikes[i],
                    "membrane " + membranes[i] + " under " + threshold);
        }
        if (folded) {
            float[] trained = chargeAndFireSpikes(row, membranes, rows);
            for (int i = 0; i < membranes.length; i++) {
                assertEquals(row[i % groups].fires(membranes[i]) ? 1f : 0f, trained[i], "charge-and-fire at " + i);
            }
        }
    }

    @Test
    void aConstantGroupStoresOnlyMinusOneOrPlusOne() {
        assertTrue(FiringThreshold.constant(true, DataType.FLOAT).fires(1e30));
        assertTrue(!FiringThreshold.constant(false, DataType.FLOAT).fires(-1e30));
        assertThrows(IllegalArgumentException.class, () -> FiringThreshold.folded(0.5, 0, DataType.FLOAT));
        assertThrows(IllegalArgumentException.class, () -> FiringThreshold.folded(0.5, 2, DataType.FLOAT));
    }

    @Test
    void mpbnWithGammaZeroIsTheConstantBetaAboveVth() {
        for (double gamma : new double[] {0.0, -0.0}) {
            FiringThreshold above = FiringThreshold.normalized(0.3, gamma, 0.7, 0.5, DataType.FLOAT);
            FiringThreshold below = FiringThreshold.normalized(0.3, gamma, 0.2, 0.5, DataType.FLOAT);
            for (double u : new double[] {-1e6, -1, 0, 0.3, 1, 1e6}) {
                assertTrue(above.fires(u));
                assertTrue(!below.fires(u));
            }
        }
    }

    private static FiringThreshold randomNormalized(SplittableRandom rng) {
        double kind = rng.nextDouble();
        double gamma = kind < 0.1 ? 0.0 : kind < 0.2 ? -0.0 : kind < 0.5 ? -2 * rng.nextDouble() : 2 * rng.nextDouble();
        double inverseStd = 1 / Math.sqrt(rng.nextDouble() + 1e-5);
        return FiringThreshold.normalized(rng.nextGaussian() * 0.5, gamma * inverseStd, rng.nextDouble() - 0.3,
                0.1 + rng.nextDouble(), DataType.FLOAT);
    }

    private static FiringThreshold randomFolded(SplittableRandom rng) {
        double kind = rng.nextDouble();
        if (kind < 0.2) {
            return FiringThreshold.constant(rng.nextBoolean(), DataType.FLOAT);
        }
        return FiringThreshold.folded((float) rng.nextGaussian(), kind < 0.5 ? -1 : 1, DataType.FLOAT);
    }

    /** Random floats, and the floats around the point where the group's decision changes. */
    private static float[] membranesAround(FiringThreshold threshold, SplittableRandom rng) {
        float[] out = new float[24];
        double boundary = threshold.scale() == 0 ? 0
                : threshold.mean() + (threshold.threshold() - threshold.shift()) / threshold.scale();
        float edge = (float) boundary;
        for (int k = 0; k < 16; k++) {
            out[k] = edge;
            edge = Math.nextUp(edge);
        }
        edge = (float) boundary;
        for (int k = 16; k < 20; k++) {
            edge = Math.nextDown(edge);
            out[k] = edge;
        }
        for (int k = 20; k < out.length; k++) {
            out[k] = (float) (rng.nextGaussian() * 2);
        }
        return out;
    }

    /** The float one-pass inference step at its first step (u_pre = x) under the compiled rule. */
    private static float[] inferenceSpikes(FiringThreshold[] row, float[] membranes, int rows) {
        ArrayView x = ArrayView.heap(DataType.FLOAT, membranes.length);
        for (int i = 0; i < membranes.length; i++) {
            x.set(i, membranes[i]);
        }
        ArrayView uPre = ArrayView.heap(DataType.FLOAT, membranes.length);
        ArrayView normalized = ArrayView.heap(DataType.FLOAT, membranes.length);
        org.nd4j.linalg.api.ndarray.INDArray spikes = Nd4j.create(DataType.FLOAT, rows, row.length);
        assertTrue(LifDynamics.inferStep(x, uPre, normalized, ArrayView.of(spikes), 0, rows, true, 0.25, 0,
                FiringThreshold.rule(1, row), null));
        return ArrayValues.readFloats(spikes);
    }

    /** The float training kernel's charge-and-fire at its first step, for neurons that compare u_pre. */
    private static float[] chargeAndFireSpikes(FiringThreshold[] row, float[] membranes, int rows) {
        ArrayView x = ArrayView.heap(DataType.FLOAT, membranes.length);
        for (int i = 0; i < membranes.length; i++) {
            x.set(i, membranes[i]);
        }
        ArrayView uPre = ArrayView.heap(DataType.FLOAT, membranes.length);
        ArrayView spikes = ArrayView.heap(DataType.FLOAT, membranes.length);
        LifDynamics.chargeAndFire(x, uPre, spikes, 0, membranes.length, true, 0.25, 0, 1, row);
        float[] out = new float[membranes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) spikes.get(i);
        }
        return out;
    }
}
