package org.mpbnlab.train;

import java.nio.FloatBuffer;
import java.util.Random;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Shapes;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Encodes samples into the network's input tensor {@code [T·B, ...inputShape]}, reusing one buffer per
 * batch size. Stochastic encoders draw from the seeded generator given at construction.
 */
public final class InputFeeder {

    private final Encoder encoder;
    private final Random rng;
    private INDArray floatInput;
    private INDArray typedInput;

    public InputFeeder(Encoder encoder, long seed) {
        this.encoder = encoder;
        this.rng = new Random(seed);
    }

    public Encoder encoder() {
        return encoder;
    }

    /**
     * Encodes {@code indices} of {@code split} for {@code network}; valid until the next call. An encoder
     * that repeats a static frame at every step yields just the B frames ({@code [B, ...]}), which
     * {@link Network#forward} repeats over T after its per-sample leading layers; any other encoder
     * yields all {@code [T·B, ...]} frames.
     */
    public INDArray encode(Network network, DataSplit split, int[] indices, Pass pass) {
        int[] inputShape = network.spec().inputShape();
        int steps = encoder.repeatsOverTime() ? 1 : pass.timeSteps();
        int rows = steps * pass.batchSize();
        floatInput = Shapes.ensureRows(floatInput, DataType.FLOAT, rows, inputShape);
        FloatBuffer buffer = floatInput.data().asNioFloat();
        encoder.encode(split, indices, steps, buffer, rng);
        if (network.dataType() == DataType.FLOAT) {
            return floatInput;
        }
        typedInput = Shapes.ensureRows(typedInput, network.dataType(), rows, inputShape);
        typedInput.assign(floatInput);
        return typedInput;
    }
}
