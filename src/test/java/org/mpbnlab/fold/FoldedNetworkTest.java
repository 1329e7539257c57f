package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.nd4j.linalg.api.buffer.DataType;

/** Folded networks give exactly the spikes and logits of the MPBN network in evaluation mode. */
class FoldedNetworkTest {

    /** A small conv + dense network with random weights, γ (some ≤ 0, some tiny) and running statistics. */
    static Network randomNetwork(MpbnMode mode, RunningStatsMode stats, long seed) {
        return RandomNetworks.network(mode, stats, 3, seed, RandomNetworks.EXTREME);
    }

    static DataSplit randomData(int count, long seed) {
        return RandomNetworks.data(count, new int[] {1, 6, 6}, seed);
    }

    /**
     * The MPBN modes that have something to fold; a model without MPBN has its own test
     * ({@link #foldingANetworkWithoutMpbnIsANoOpWithAMessage}).
     */
    @Provide
    Arbitrary<MpbnMode> foldableModes() {
        return Arbitraries.of(MpbnMode.CHANNEL, MpbnMode.ELEMENT);
    }

    @Property(tries = 24, seed = "20261129")
    void exactFoldGivesIdenticalSpikesAtEveryLayerAndStepAndIdenticalLogits(@ForAll("foldableModes") MpbnMode mode,
            @ForAll RunningStatsMode stats, @ForAll @IntRange(min = 1, max = 1000) int seed) {
        Network network = randomNetwork(mode, stats, seed);
        FoldResult result = ThresholdFolder.fold(network, FoldMethod.EXACT);
        assertTrue(result.folded());
        EquivalenceReport report = EquivalenceChecker.compare(network, result.network(), randomData(96, seed),
                new InputFeeder(Encoders.byName("direct"), 0), 32, 96);
        assertEquals(0, report.spikeMismatches(), "mismatching spikes");
        assertEquals(0.0, report.maxLogitDiff());
        assertEquals(1.0, report.predictionAgreement());
        assertTrue(report.spikesCompared() > 0);
        assertEquals(2 * 3, report.cells().size());
    }

    @Test
    void foldCountsNegativeAndZeroGammaAndNotesThem() {
        Network network = randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.SHARED, 3);
        FoldResult result = ThresholdFolder.fold(network, FoldMethod.EXACT);
        int negative = 0;
        int zero = 0;
        for (LifNeurons layer : network.neuronLayers()) {
            for (double g : ArrayValues.read(layer.gamma().value())) {
                negative += g < 0 ? 1 : 0;
                zero += g == 0 ? 1 : 0;
            }
        }
        assertEquals(negative, result.gammaNegative());
        assertEquals(zero, result.gammaZero());
        assertTrue(negative + zero > 0, "the random network should have some γ ≤ 0");
        assertFalse(result.notes().isEmpty());
    }

    @Test
    void foldingANetworkWithoutMpbnIsANoOpWithAMessage() {
        Network network = randomNetwork(MpbnMode.OFF, RunningStatsMode.SHARED, 4);
        FoldResult result = ThresholdFolder.fold(network, FoldMethod.EXACT);
        assertFalse(result.folded());
        assertSame(network, result.network());
        assertTrue(result.notes().get(0).contains("no MPBN"));
    }

    @Test
    void foldingAFoldedNetworkIsRefused() {
        Network folded = ThresholdFolder.fold(randomNetwork(MpbnMode.ELEMENT, RunningStatsMode.SHARED, 5),
                FoldMethod.EXACT).network();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThresholdFolder.fold(folded, FoldMethod.EXACT));
        assertTrue(e.getMessage().contains("already folded"));
    }

    @Test
    void aFoldedNetworkCannotBeTrained() {
        Network folded = ThresholdFolder.fold(randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP, 6),
                FoldMethod.EXACT).network();
        assertThrows(IllegalStateException.class, () -> folded.forward(
                org.nd4j.linalg.factory.Nd4j.create(DataType.FLOAT, 6, 1, 6, 6), new org.mpbnlab.snn.Pass(3, 2, true)));
    }

    @Test
    void deployableNetworkHasNoNormalisationLeftAndAgreesClosely() {
        Network network = randomNetwork(MpbnMode.CHANNEL, RunningStatsMode.SHARED, 7);
        Network folded = ThresholdFolder.fold(network, FoldMethod.EXACT).network();
        Network deployed = Deployment.deploy(folded);
        assertTrue(deployed.spec().layers().stream().noneMatch(l -> l instanceof LayerSpec.BatchNormSpec
                || l instanceof LayerSpec.LifSpec lif && lif.mpbn().enabled()));
        EquivalenceReport report = EquivalenceChecker.compare(network, deployed, randomData(96, 7),
                new InputFeeder(Encoders.byName("direct"), 0), 32, 96);
        assertTrue(report.spikeMismatches() <= report.spikesCompared() / 100,
                "deployable mismatch rate " + report.spikeMismatches() + "/" + report.spikesCompared());
        assertThrows(IllegalArgumentException.class, () -> Deployment.deploy(network));
    }
}
