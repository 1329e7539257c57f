package org.mpbnlab.snn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints how long the convolution and pooling layers of the preset conv net take at N = 256
 * (T = 4, B = 64), as the minimum and median over the repeats (the minimum is the least disturbed
 * by other processes). Not a test: run it by hand with the test class path, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.mpbnlab.snn.Conv2dTiming}.
 */
public final class Conv2dTiming {

    private Conv2dTiming() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Pass pass = new Pass(4, 64, true);
        time("conv 1→32 28×28", new Conv2d(new int[] {1, 28, 28}, 32, 3, 1, true, DataType.FLOAT,
                new SplittableRandom(1)), pass, repeats, false);
        time("conv 32→64 14×14", new Conv2d(new int[] {32, 14, 14}, 64, 3, 1, true, DataType.FLOAT,
                new SplittableRandom(2)), pass, repeats, true);
        time("avgpool2 32×28×28", new AvgPool2d(new int[] {32, 28, 28}, 2), pass, repeats, true);
        time("maxpool2 32×28×28", new MaxPool2d(new int[] {32, 28, 28}, 2), pass, repeats, true);
    }

    private static void time(String name, Layer layer, Pass pass, int repeats, boolean needInputGradient) {
        long[] in = prepend(pass.rows(), layer.inputShape());
        long[] out = prepend(pass.rows(), layer.outputShape());
        INDArray input = Nd4j.rand(DataType.FLOAT, in);
        INDArray gradOutput = Nd4j.rand(DataType.FLOAT, out);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            layer.forward(input, pass);
            layer.backward(gradOutput, needInputGradient);
        }
        long[] forward = new long[repeats];
        long[] backward = new long[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            layer.forward(input, pass);
            long middle = System.nanoTime();
            layer.backward(gradOutput, needInputGradient);
            forward[r] = middle - start;
            backward[r] = System.nanoTime() - middle;
        }
        Arrays.sort(forward);
        Arrays.sort(backward);
        System.out.printf("%-20s N=%d  forward min %6.1f / median %6.1f ms   backward min %6.1f / median %6.1f ms"
                        + " (input gradient: %s)%n", name, pass.rows(), forward[0] / 1e6, forward[repeats / 2] / 1e6,
                backward[0] / 1e6, backward[repeats / 2] / 1e6, needInputGradient);
    }

    private static long[] prepend(int rows, int[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = rows;
        for (int d = 0; d < sampleShape.length; d++) {
            shape[d + 1] = sampleShape[d];
        }
        return shape;
    }
}
