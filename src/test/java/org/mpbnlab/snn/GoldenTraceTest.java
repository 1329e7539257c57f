package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpbnlab.snn.reference.LifStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Golden traces computed outside the Java code: {@code src/test/resources/golden/make_golden.py} (NumPy)
 * wrote {@code lif_traces.json} — plain LIF, channel MPBN with given statistics and γ &gt; 0, γ &lt; 0, γ = 0
 * and γ = −0.0, element MPBN with per-step statistics, channel MPBN in training with per-step running
 * statistics, and folded neurons with directions +1, −1 and 0. The reference step and the engine's layers
 * (float and double) must reproduce every spike; every compared value in the traces is at least 10⁻³ from
 * its threshold, so no float tie is allowed here.
 */
class GoldenTraceTest {

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = GoldenTraceTest.class.getResourceAsStream("/golden/lif_traces.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                out.add(Arguments.of(Named.of(c.get("name").asText(), c)));
            }
            assertEquals(5, out.size());
            return out.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theReferenceStepReproducesTheTrace(JsonNode trace) {
        int steps = trace.get("steps").asInt();
        int batch = trace.get("batch").asInt();
        int neurons = trace.get("neurons").asInt();
        int spatial = trace.has("spatial") ? trace.get("spatial").asInt() : 1;
        double[][] input = matrix(trace.get("input"));
        LifStep.Lif lif = new LifStep.Lif(trace.get("tau").asDouble(), trace.get("threshold").asDouble());
        LifStep.State state = LifStep.State.atRest(batch, neurons);
        double[][] runningMean = trace.has("runningMean") ? matrix(trace.get("runningMean")) : null;
        double[][] runningVar = trace.has("runningVar") ? matrix(trace.get("runningVar")) : null;
        for (int t = 0; t < steps; t++) {
            double[][] xt = java.util.Arrays.copyOfRange(input, t * batch, (t + 1) * batch);
            LifStep.Result step = switch (trace.get("kind").asText()) {
                case "lif" -> LifStep.lif(xt, state, lif);
                case "mpbn" -> LifStep.mpbn(xt, state, lif, new LifStep.Mpbn(spatial,
                        row(trace.get("mean"), t), row(trace.get("variance"), t), vector(trace.get("gamma")),
                        vector(trace.get("beta")), trace.get("epsilon").asDouble()));
                case "mpbn-training" -> LifStep.mpbnTraining(xt, state, lif, vector(trace.get("gamma")),
                        vector(trace.get("beta")), spatial, trace.get("epsilon").asDouble());
                case "folded" -> LifStep.folded(xt, state, lif, new LifStep.Folded(spatial,
                        row(trace.get("foldedThreshold"), t), integers(row(trace.get("direction"), t))));
                default -> throw new IllegalArgumentException(trace.get("kind").asText());
            };
            if (runningMean != null) {
                double[][] moments = LifStep.batchStatistics(step.charged(), spatial);
                int set = runningMean.length == 1 ? 0 : t;
                double[][] next = LifStep.runningStatistics(runningMean[set], runningVar[set], moments[0], moments[1],
                        (double) batch * spatial, trace.get("momentum").asDouble());
                runningMean[set] = next[0];
                runningVar[set] = next[1];
            }
            for (int b = 0; b < batch; b++) {
                int r = t * batch + b;
                assertRow(trace.get("uPre").get(r), step.charged()[b], 1e-12, "u_pre", r);
                assertRow(trace.get("compared").get(r), step.compared()[b], 1e-12, "compared value", r);
                assertRow(trace.get("spikes").get(r), step.spikes()[b], 0, "spikes", r);
            }
            state = step.next();
        }
        if (runningMean != null) {
            for (int set = 0; set < runningMean.length; set++) {
                assertRow(trace.get("runningMeanAfter").get(set), runningMean[set], 1e-12, "running μ", set);
                assertRow(trace.get("runningVarAfter").get(set), runningVar[set], 1e-12, "running σ²", set);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theEngineReproducesTheTraceInFloatAndDouble(JsonNode trace) {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
            int steps = trace.get("steps").asInt();
            int batch = trace.get("batch").asInt();
            int neurons = trace.get("neurons").asInt();
            int[] shape = trace.has("shape") ? integers(vector(trace.get("shape"))) : new int[] {neurons};
            LifParameters lif = new LifParameters(trace.get("tau").asDouble(), trace.get("threshold").asDouble(),
                    Surrogate.TANH, false);
            INDArray x = Nd4j.create(type, steps * batch, neurons);
            ArrayValues.write(x, flatten(matrix(trace.get("input"))));
            x = x.reshape(concat(steps * batch, shape)).dup();
            String kind = trace.get("kind").asText();
            NeuronLayer layer = kind.equals("folded") ? folded(trace, shape, lif, type) : lifNeurons(trace, shape,
                    steps, lif, type);
            ((Layer) layer).forward(x, new Pass(steps, batch, kind.equals("mpbn-training")));
            String where = type + " engine, ";
            assertClose(flatten(matrix(trace.get("uPre"))), ArrayValues.read(layer.lastMembraneBeforeNorm()),
                    tolerance, where + "u_pre");
            assertClose(flatten(matrix(trace.get("spikes"))), ArrayValues.read(layer.lastSpikes()), 0,
                    where + "spikes");
            if (layer instanceof LifNeurons neuronsLayer) {
                assertClose(flatten(matrix(trace.get("compared"))),
                        ArrayValues.read(neuronsLayer.lastMembraneAfterNorm()), tolerance, where + "compared value");
                if (kind.equals("mpbn-training")) {
                    assertClose(flatten(matrix(trace.get("runningMeanAfter"))),
                            ArrayValues.read(neuronsLayer.runningMean()), tolerance, where + "running μ");
                    assertClose(flatten(matrix(trace.get("runningVarAfter"))),
                            ArrayValues.read(neuronsLayer.runningVar()), tolerance, where + "running σ²");
                }
            }
        }
    }

    private static LifNeurons lifNeurons(JsonNode trace, int[] shape, int steps, LifParameters lif, DataType type) {
        String kind = trace.get("kind").asText();
        if (kind.equals("lif")) {
            return new LifNeurons(shape, steps, lif, MpbnParameters.off(), type);
        }
        int spatial = trace.get("spatial").asInt();
        MpbnMode mode = trace.get("mode").asText().equals("element") ? MpbnMode.ELEMENT : MpbnMode.CHANNEL;
        JsonNode statistics = kind.equals("mpbn") ? trace.get("mean") : trace.get("runningMean");
        RunningStatsMode sets = statistics.size() == 1 ? RunningStatsMode.SHARED : RunningStatsMode.PER_STEP;
        LifNeurons layer = new LifNeurons(shape, steps, lif, new MpbnParameters(mode, sets,
                trace.get("epsilon").asDouble(), trace.get("momentum").asDouble()), type);
        assertEquals(spatial, layer.normalizationLayout().spatial());
        ArrayValues.write(layer.gamma().value(), vector(trace.get("gamma")));
        ArrayValues.write(layer.beta().value(), vector(trace.get("beta")));
        ArrayValues.write(layer.runningMean(), flatten(matrix(statistics)));
        ArrayValues.write(layer.runningVar(), flatten(matrix(kind.equals("mpbn") ? trace.get("variance")
                : trace.get("runningVar"))));
        return layer;
    }

    private static FoldedLifNeurons folded(JsonNode trace, int[] shape, LifParameters lif, DataType type) {
        int spatial = trace.get("spatial").asInt();
        int neurons = trace.get("neurons").asInt();
        double[][] threshold = matrix(trace.get("foldedThreshold"));
        FoldedLifNeurons layer = new FoldedLifNeurons(shape, lif, new GroupLayout(neurons / spatial, spatial),
                threshold.length, type);
        ArrayValues.write(layer.threshold(), flatten(threshold));
        ArrayValues.write(layer.direction(), flatten(matrix(trace.get("direction"))));
        return layer;
    }

    private static void assertRow(JsonNode expected, double[] actual, double tolerance, String what, int row) {
        assertClose(vector(expected), actual, tolerance, what + " of row " + row);
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * (1 + Math.abs(expected[i])),
                    what + " at " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    private static double[] row(JsonNode perSet, int t) {
        return vector(perSet.get(perSet.size() == 1 ? 0 : t));
    }

    private static double[][] matrix(JsonNode node) {
        double[][] out = new double[node.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = vector(node.get(r));
        }
        return out;
    }

    private static double[] vector(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static int[] integers(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    private static double[] flatten(double[][] values) {
        return java.util.Arrays.stream(values).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static long[] concat(int rows, int[] shape) {
        long[] out = new long[shape.length + 1];
        out[0] = rows;
        for (int d = 0; d < shape.length; d++) {
            out[d + 1] = shape[d];
        }
        return out;
    }
}
