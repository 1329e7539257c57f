package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.FiringThreshold;
import org.nd4j.linalg.api.buffer.DataType;

/** The exact fold agrees with the evaluation-mode MPBN decision on every float; the naive one does not. */
class ExactThresholdTest {

    private static final double EPS = 1e-5;

    static FiringThreshold decision(double gamma, double beta, double mean, double var, DataType type) {
        return FiringThreshold.normalized(mean, gamma * (1.0 / Math.sqrt(var + EPS)), beta, 0.5, type);
    }

    @Provide
    Arbitrary<FiringThreshold> decisions() {
        Arbitrary<Double> gamma = Arbitraries.oneOf(
                Arbitraries.doubles().between(-3, 3),
                Arbitraries.of(0.0, -0.0, 1e-30, -1e-30, 1e-7, -1e-7, 1e6));
        Arbitrary<Double> beta = Arbitraries.doubles().between(-2, 2);
        Arbitrary<Double> mean = Arbitraries.oneOf(Arbitraries.doubles().between(-5, 5), Arbitraries.of(0.0, 1e8, -1e8));
        Arbitrary<Double> var = Arbitraries.oneOf(Arbitraries.doubles().between(0, 4),
                Arbitraries.of(0.0, 1e-12, 1e10, 1e30));
        Arbitrary<DataType> type = Arbitraries.of(DataType.FLOAT, DataType.DOUBLE);
        return Combinators.combine(gamma, beta, mean, var, type)
                .as((g, b, m, v, t) -> decision(g, b, t == DataType.FLOAT ? (float) (double) m : m, v, t));
    }

    @Property(tries = 400, seed = "20261129")
    void foldedThresholdDecidesLikeMpbnAroundTheBoundaryAndFarAway(@ForAll("decisions") FiringThreshold d) {
        FiringThreshold folded = ExactThreshold.of(d);
        assertTrue(ExactThreshold.verify(d, folded), "boundary check failed for " + d + " → " + folded);
        boolean single = d.arithmetic() == DataType.FLOAT;
        double u = Double.isFinite(folded.threshold()) ? folded.threshold() : 0.0;
        double down = u;
        double up = u;
        for (int k = 0; k < 2000; k++) {
            assertEquals(d.fires(down), folded.fires(down), "at " + down);
            assertEquals(d.fires(up), folded.fires(up), "at " + up);
            down = single ? Math.nextDown((float) down) : Math.nextDown(down);
            up = single ? Math.nextUp((float) up) : Math.nextUp(up);
        }
        SplittableRandom rng = new SplittableRandom(Double.doubleToLongBits(u));
        for (int k = 0; k < 2000; k++) {
            double v = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-6, 12));
            double value = single ? (float) v : v;
            assertEquals(d.fires(value), folded.fires(value), "at " + value);
        }
    }

    @Test
    void designTestVectorPositiveGamma() {
        // by hand, docs/mathematics.md §4: γ=2, β=0.1, μ=0.3, σ²=0.04, ε=1e-5, V_th=0.5 → Ṽ = 0.3400049997
        FiringThreshold folded = ExactThreshold.of(decision(2, 0.1, 0.3, 0.04, DataType.DOUBLE));
        assertEquals(0.3400049997, folded.threshold(), 1e-10);
        assertEquals(1, folded.direction());
        FiringThreshold single = ExactThreshold.of(decision(2, 0.1, 0.3f, 0.04, DataType.FLOAT));
        assertEquals(0.3400049997, single.threshold(), 1e-7);
    }

    @Test
    void designTestVectorNegativeGammaFlipsTheComparison() {
        // γ=−1, β=0, μ=0, σ²=1 → Ṽ = −0.5000025 and the neuron fires when u_pre < Ṽ
        FiringThreshold folded = ExactThreshold.of(decision(-1, 0, 0, 1, DataType.DOUBLE));
        assertEquals(-0.5000025, folded.threshold(), 1e-9);
        assertEquals(-1, folded.direction());
        assertTrue(folded.fires(-0.6));
        assertTrue(!folded.fires(-0.4));
    }

    @Test
    void zeroGammaGivesAConstantOutputDecidedByBeta() {
        FiringThreshold always = ExactThreshold.of(decision(0, 0.7, 0.2, 1, DataType.FLOAT));
        FiringThreshold never = ExactThreshold.of(decision(0, 0.3, 0.2, 1, DataType.FLOAT));
        for (double u : new double[] {-1e30, -1, 0, 0.5, 1, 1e30}) {
            assertTrue(always.fires(u));
            assertTrue(!never.fires(u));
        }
    }

    @Test
    void naiveFloatFoldFlipsASpikeAtARoundingTieWhereTheExactFoldDoesNot() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int attempt = 0; attempt < 100_000; attempt++) {
            float gamma = (float) (0.2 + 2 * rng.nextDouble());
            float beta = (float) (rng.nextDouble() - 0.5);
            float mean = (float) (rng.nextDouble() * 2 - 1);
            float var = (float) (0.01 + rng.nextDouble());
            FiringThreshold d = decision(gamma, beta, mean, var, DataType.FLOAT);
            FiringThreshold naive = NaiveThreshold.of(gamma, beta, mean, var, (float) EPS, 0.5f);
            FiringThreshold exact = ExactThreshold.of(d);
            float tie = (float) naive.threshold();
            for (float u : new float[] {Math.nextDown(tie), tie, Math.nextUp(tie)}) {
                if (naive.fires(u) != d.fires(u)) {
                    assertEquals(d.fires(u), exact.fires(u), "the exact fold must agree at the tie " + u);
                    return;
                }
            }
        }
        throw new AssertionError("no rounding tie found in 100000 random channels");
    }
}
