package org.mpbnlab.snn;

/**
 * What the pooling layers share: their non-overlapping k×k windows ({@link PoolingGeometry}) and the name
 * and shapes that follow from them, {@code [C, H, W] → [C, H/k, W/k]}. {@link AvgPool2d} and
 * {@link MaxPool2d} say what a window computes.
 */
abstract class WindowPooling implements Layer {

    final PoolingGeometry geometry;

    /**
     * @param kind       the layer's name, {@code avgpool2d} or {@code maxpool2d}
     * @param inputShape {@code [C, H, W]}, H and W divisible by {@code kernel}
     * @param kernel     k, the window size and stride
     */
    WindowPooling(String kind, int[] inputShape, int kernel) {
        this.geometry = PoolingGeometry.of(kind, inputShape, kernel);
    }

    @Override
    public String kind() {
        return geometry.layer();
    }

    @Override
    public int[] inputShape() {
        return geometry.inputShape();
    }

    @Override
    public int[] outputShape() {
        return geometry.outputShape();
    }

    public int kernel() {
        return geometry.kernel();
    }
}
