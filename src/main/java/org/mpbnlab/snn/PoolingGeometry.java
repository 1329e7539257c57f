package org.mpbnlab.snn;

/**
 * Non-overlapping k×k pooling windows (kernel = stride = k) over a {@code [C, H, W]} sample:
 * output {@code [C, H/k, W/k]}; window {@code (c, y, x)} covers rows {@code y·k … y·k+k−1} and
 * columns {@code x·k … x·k+k−1} of channel c.
 *
 * @param layer "avgpool2d" or "maxpool2d", for messages
 */
record PoolingGeometry(String layer, int channels, int height, int width, int kernel) {

    PoolingGeometry {
        if (kernel <= 0) {
            throw new IllegalArgumentException(layer + " kernel size must be positive, got " + kernel);
        }
        if (height % kernel != 0 || width % kernel != 0) {
            throw new IllegalArgumentException(layer + " kernel " + kernel + " does not divide the input size "
                    + height + "×" + width + ": crop or pad the input to a multiple of " + kernel);
        }
    }

    static PoolingGeometry of(String layer, int[] inputShape, int kernel) {
        int[] shape = ActivationShape.requirePositive(layer + " input shape [C, H, W]", inputShape, 3);
        return new PoolingGeometry(layer, shape[0], shape[1], shape[2], kernel);
    }

    int outHeight() {
        return height / kernel;
    }

    int outWidth() {
        return width / kernel;
    }

    int[] inputShape() {
        return new int[] {channels, height, width};
    }

    int[] outputShape() {
        return new int[] {channels, outHeight(), outWidth()};
    }

    /** Flat index of the top-left input element of window (plane, y, x), plane = n·C + c. */
    int windowOrigin(int plane, int y, int x) {
        return (plane * height + y * kernel) * width + x * kernel;
    }
}
