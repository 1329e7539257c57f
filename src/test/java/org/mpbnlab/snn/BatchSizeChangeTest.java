package org.mpbnlab.snn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mpbnlab.snn.kernel.ArrayView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer keeps its heap buffers when the batch size changes (a smaller batch runs in the first part of the
 * larger arrays): a network that has just run a larger batch gives, bit for bit, the logits and gradients of a
 * fresh network with the same weights.
 */
class BatchSizeChangeTest {

    @Test
    void aSmallerBatchAfterALargerOneGivesTheResultsOfAFreshNetwork() {
        for (String preset : new String[] {"mlp", "conv-small"}) {
            for (MpbnMode mode : new MpbnMode[] {MpbnMode.CHANNEL, MpbnMode.OFF}) {
                NetworkSpec spec = Presets.build(preset, new int[] {1, 8, 8}, 4, 3, LifParameters.defaults(),
                        MpbnParameters.of(mode, RunningStatsMode.SHARED));
                Network used = NetworkBuilder.build(spec, DataType.FLOAT, 1);
                Network fresh = NetworkBuilder.build(spec, DataType.FLOAT, 1);
                runTrainingPass(used, 7, 11);
                fresh.copyMatchingStateFrom(used);
                fresh.parameters().forEach((name, p) -> p.value().assign(used.parameters().get(name).value()));
                for (int batch : new int[] {3, 5}) {
                    String where = preset + " " + mode + " batch " + batch;
                    INDArray a = runTrainingPass(used, batch, 20 + batch);
                    INDArray b = runTrainingPass(fresh, batch, 20 + batch);
                    assertArrayEquals(ArrayView.of(b).toDoubleArray(), ArrayView.of(a).toDoubleArray(), 0, where);
                    Map<String, Parameter> pa = used.parameters();
                    fresh.parameters().forEach((name, p) -> assertArrayEquals(
                            ArrayView.of(p.gradient()).toDoubleArray(),
                            ArrayView.of(pa.get(name).gradient()).toDoubleArray(), 0, where + " " + name));
                    fresh = NetworkBuilder.build(spec, DataType.FLOAT, 1);
                    fresh.copyMatchingStateFrom(used);
                    Network source = used;
                    fresh.parameters().forEach((name, p) -> p.value().assign(source.parameters().get(name).value()));
                }
            }
        }
    }

    /** One forward and backward pass in training mode on {@code batch} random frames; returns the logits. */
    private static INDArray runTrainingPass(Network network, int batch, long seed) {
        INDArray frames = Nd4j.create(DataType.FLOAT, batch, 1, 8, 8);
        GradientCheck.fill(frames, new SplittableRandom(seed), -1, 2);
        INDArray logits = network.forward(frames, new Pass(3, batch, true)).dup();
        INDArray grad = Nd4j.create(DataType.FLOAT, batch, 4);
        GradientCheck.fill(grad, new SplittableRandom(seed + 1), -1, 1);
        network.backward(grad);
        return logits;
    }

    @Test
    void aShorterHeapViewSharesTheLongerOnesArrayAndALongerOneGetsItsOwn() {
        ArrayView eight = ArrayView.heapLike(null, Nd4j.create(DataType.FLOAT, 8));
        ArrayView five = ArrayView.heapLike(eight, Nd4j.create(DataType.FLOAT, 5));
        assertEquals(5, five.length());
        assertSame(((ArrayView.HeapFloats) eight).array(), ((ArrayView.HeapFloats) five).array());
        assertSame(five, ArrayView.heapLike(five, Nd4j.create(DataType.FLOAT, 5)));
        ArrayView twelve = ArrayView.heapLike(five, Nd4j.create(DataType.FLOAT, 12));
        assertEquals(12, twelve.length());
        assertNotSame(((ArrayView.HeapFloats) eight).array(), ((ArrayView.HeapFloats) twelve).array());
        ArrayView doubles = ArrayView.heapLike(eight, Nd4j.create(DataType.DOUBLE, 4));
        assertEquals(4, doubles.length());
        assertEquals(ArrayView.HeapDoubles.class, doubles.getClass());
    }
}
