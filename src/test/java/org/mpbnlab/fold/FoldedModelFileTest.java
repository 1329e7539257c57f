package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.snn.FiringThreshold;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NeuronLayer;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.ModelInfo;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fold → save → open gives the same spikes, for every kind of group a fold produces: γ &gt; 0, γ &lt; 0,
 * and the constant groups of γ = 0 and γ = −0.0 with β above, equal to and below V_th.
 */
class FoldedModelFileTest {

    private static final InputFeeder DIRECT = new InputFeeder(Encoders.byName("direct"), 0);

    @TempDir
    Path dir;

    /** The random test network with the first groups of every MPBN layer set to each special case. */
    static Network networkWithEveryKindOfGroup(MpbnMode mode, RunningStatsMode stats, long seed) {
        Network network = FoldedNetworkTest.randomNetwork(mode, stats, seed);
        for (LifNeurons layer : network.neuronLayers()) {
            double[] gamma = ArrayValues.read(layer.gamma().value());
            double[] beta = ArrayValues.read(layer.beta().value());
            double vth = layer.lifParameters().threshold();
            double[][] cases = {
                {0.0, vth + 0.25}, {0.0, vth}, {0.0, vth - 0.25}, {-0.0, vth + 0.1}, {-0.0, vth - 0.1},
                {-0.8, 0.1}, {1.3, 0.0}};
            for (int k = 0; k < cases.length && k < gamma.length; k++) {
                gamma[k] = cases[k][0];
                beta[k] = cases[k][1];
            }
            ArrayValues.write(layer.gamma().value(), gamma);
            ArrayValues.write(layer.beta().value(), beta);
        }
        return network;
    }

    private Network saveAndOpen(Network network, String name) throws Exception {
        Path file = dir.resolve(name);
        ModelFile.save(file, network, new ModelInfo("test", "direct", 0, null, null, "test"));
        return ModelFile.load(file).network();
    }

    @ParameterizedTest
    @CsvSource({"CHANNEL, SHARED, 11", "CHANNEL, PER_STEP, 12", "ELEMENT, SHARED, 13", "ELEMENT, PER_STEP, 14"})
    void foldedModelWithConstantAndReversedGroupsOpensAgainAndFiresTheSameSpikes(MpbnMode mode,
            RunningStatsMode stats, long seed) throws Exception {
        Network mpbn = networkWithEveryKindOfGroup(mode, stats, seed);
        FoldResult result = ThresholdFolder.fold(mpbn, FoldMethod.EXACT);
        assertTrue(result.gammaZero() >= 5 && result.gammaNegative() >= 1, result.toString());
        Network reopened = saveAndOpen(result.network(), "folded.zip");

        // the dense layer: 12 groups per statistics set, the first seven set above (set 0 comes first)
        FoldedLifNeurons dense = (FoldedLifNeurons) reopened.spikingLayers().get(1);
        double[] direction = ArrayValues.read(dense.direction());
        double[] threshold = ArrayValues.read(dense.threshold());
        double[] expectedConstants = {FiringThreshold.ALWAYS, FiringThreshold.NEVER, FiringThreshold.NEVER,
            FiringThreshold.ALWAYS, FiringThreshold.NEVER};
        for (int k = 0; k < expectedConstants.length; k++) {
            assertEquals(0.0, direction[k], "group " + k + " is constant");
            assertEquals(expectedConstants[k], threshold[k], "group " + k);
        }
        assertEquals(-1.0, direction[5]);

        DataSplit data = FoldedNetworkTest.randomData(64, seed);
        EquivalenceReport report = EquivalenceChecker.compare(mpbn, reopened, data, DIRECT, 32, 64);
        assertEquals(0, report.spikeMismatches());
        assertEquals(0.0, report.maxLogitDiff());
        assertSameSpikes(result.network(), reopened, data);
    }

    @ParameterizedTest
    @CsvSource({"CHANNEL, SHARED, 21", "ELEMENT, PER_STEP, 22"})
    void deployableModelWithConstantGroupsOpensAgainAndFiresTheSameSpikes(MpbnMode mode, RunningStatsMode stats,
                                                                         long seed) throws Exception {
        Network mpbn = networkWithEveryKindOfGroup(mode, stats, seed);
        Network deployable = Deployment.deploy(ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network());
        Network reopened = saveAndOpen(deployable, "deployable.zip");
        assertSameSpikes(deployable, reopened, FoldedNetworkTest.randomData(64, seed));
    }

    @ParameterizedTest
    @CsvSource({"2, -1", "0, 0.5", "0, -1e30", "-1, Infinity", "1, NaN"})
    void storedThresholdsOutsideTheRulesAreRefusedWithAMessage(double direction, double threshold)
            throws Exception {
        Network folded = ThresholdFolder.fold(networkWithEveryKindOfGroup(MpbnMode.CHANNEL, RunningStatsMode.SHARED,
                31), FoldMethod.EXACT).network();
        FoldedLifNeurons layer = (FoldedLifNeurons) folded.spikingLayers().get(1);
        layer.direction().putScalar(new long[] {0, 6}, direction);
        layer.threshold().putScalar(new long[] {0, 6}, threshold);
        Path file = dir.resolve("bad.zip");
        ModelFile.save(file, folded, new ModelInfo("test", "direct", 0, null, null, "test"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("lif-folded") && e.getMessage().contains("Fold the MPBN model again"),
                e.getMessage());
    }

    /** Both networks fire identical spikes at every layer and step, and give identical logits. */
    static void assertSameSpikes(Network expected, Network actual, DataSplit data) {
        int steps = expected.spec().timeSteps();
        int[] indices = java.util.stream.IntStream.range(0, data.count()).toArray();
        Pass pass = new Pass(steps, indices.length, false);
        INDArray input = DIRECT.encode(expected, data, indices, pass);
        double[] expectedLogits = ArrayValues.read(expected.forward(input, pass));
        List<double[]> expectedSpikes = expected.spikingLayers().stream()
                .map(l -> ArrayValues.read(l.lastSpikes())).toList();
        double[] actualLogits = ArrayValues.read(actual.forward(input, pass));
        List<NeuronLayer> layers = actual.spikingLayers();
        for (int l = 0; l < layers.size(); l++) {
            assertArrayEquals(expectedSpikes.get(l), ArrayValues.read(layers.get(l).lastSpikes()),
                    "layer " + l);
        }
        assertArrayEquals(expectedLogits, actualLogits);
    }
}
