package org.mpbnlab.snn;

/**
 * How a k×k convolution with stride 1 and zero padding p lays the input patches out as the
 * columns of one matrix, so that the whole convolution becomes a single matrix product
 * (the "im2col" method).
 *
 * <p>Output size {@code H' = H + 2p − k + 1}, {@code W' = W + 2p − k + 1}. The patch matrix
 * {@code X} has shape {@code [C·k·k, N·H'·W']}:
 * <pre>
 *   X[(c·k + i)·k + j, (n·H' + y)·W' + x] = in[n, c, y + i − p, x + j − p]   (0 outside the image)
 * </pre>
 * so that with the weights reshaped to {@code Wm = [Cout, C·k·k]} the convolution is
 * {@code Y = Wm·X}, a {@code [Cout, N·H'·W']} matrix. Each row of {@code X} is, per sample and
 * output row, a contiguous run of one input row, which keeps both directions cache-friendly.
 *
 * @param channels input channels C
 * @param height   input height H
 * @param width    input width W
 * @param kernel   kernel size k
 * @param padding  zero padding p on every side
 */
record PatchLayout(int channels, int height, int width, int kernel, int padding) {

    PatchLayout {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("convolution input shape must be positive, got ["
                    + channels + ", " + height + ", " + width + "]");
        }
        if (kernel <= 0) {
            throw new IllegalArgumentException("convolution kernel size must be positive, got " + kernel);
        }
        if (padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException("convolution padding must be in [0, kernel), got padding "
                    + padding + " for kernel " + kernel);
        }
        if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
            throw new IllegalArgumentException("kernel " + kernel + " with padding " + padding
                    + " does not fit an input of " + height + "×" + width + ": use a smaller kernel or more padding");
        }
    }

    /** {@code H' = H + 2p − k + 1}. */
    int outHeight() {
        return height + 2 * padding - kernel + 1;
    }

    /** {@code W' = W + 2p − k + 1}. */
    int outWidth() {
        return width + 2 * padding - kernel + 1;
    }

    /** {@code H'·W'}, the output positions of one sample. */
    int positions() {
        return outHeight() * outWidth();
    }

    /** {@code C·k·k}, the length of one patch (rows of the patch matrix). */
    int patchLength() {
        return channels * kernel * kernel;
    }

    /**
     * Fills rows {@code [rowFrom, rowTo)} of the patch matrix {@code X} from {@code input}
     * ({@code [samples, C, H, W]}): {@code X[(c·k+i)·k+j, (n·H'+y)·W'+x] = in[n, c, y+i−p, x+j−p]}.
     */
    void gather(ArrayView input, int samples, ArrayView columns, int rowFrom, int rowTo) {
        int outH = outHeight();
        int outW = outWidth();
        long rowLength = (long) samples * outH * outW;
        for (int row = rowFrom; row < rowTo; row++) {
            int c = row / (kernel * kernel);
            int i = (row / kernel) % kernel;
            int j = row % kernel;
            // output columns x whose input column x + j − p lies inside [0, W)
            int xFrom = Math.max(0, padding - j);
            int xTo = Math.min(outW, width + padding - j);
            int destination = Math.toIntExact(row * rowLength);
            for (int n = 0; n < samples; n++) {
                int plane = (n * channels + c) * height;
                for (int y = 0; y < outH; y++, destination += outW) {
                    int sourceY = y + i - padding;
                    if (sourceY < 0 || sourceY >= height) {
                        for (int x = 0; x < outW; x++) {
                            columns.set(destination + x, 0.0);
                        }
                        continue;
                    }
                    int source = (plane + sourceY) * width - padding + j;
                    for (int x = 0; x < xFrom; x++) {
                        columns.set(destination + x, 0.0);
                    }
                    for (int x = xFrom; x < xTo; x++) {
                        columns.set(destination + x, input.get(source + x));
                    }
                    for (int x = xTo; x < outW; x++) {
                        columns.set(destination + x, 0.0);
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #gather}, for samples {@code [sampleFrom, sampleTo)}: sets
     * {@code gIn[n, c, h, w] = Σ gX[(c·k+i)·k+j, (n·H'+y)·W'+x]} over all (i, j, y, x) with
     * {@code y+i−p = h} and {@code x+j−p = w}. Each sample is summed in the same fixed order,
     * so the result does not depend on how samples are split between threads.
     */
    void scatter(ArrayView gradColumns, int samples, ArrayView gradInput, int sampleFrom, int sampleTo) {
        int outH = outHeight();
        int outW = outWidth();
        int imageLength = channels * height * width;
        for (int index = sampleFrom * imageLength; index < sampleTo * imageLength; index++) {
            gradInput.set(index, 0.0);
        }
        long rowLength = (long) samples * outH * outW;
        for (int n = sampleFrom; n < sampleTo; n++) {
            for (int row = 0; row < patchLength(); row++) {
                int c = row / (kernel * kernel);
                int i = (row / kernel) % kernel;
                int j = row % kernel;
                int xFrom = Math.max(0, padding - j);
                int xTo = Math.min(outW, width + padding - j);
                int plane = (n * channels + c) * height;
                int yFrom = Math.max(0, padding - i);
                int yTo = Math.min(outH, height + padding - i);
                for (int y = yFrom; y < yTo; y++) {
                    int source = Math.toIntExact(row * rowLength + ((long) n * outH + y) * outW);
                    int destination = (plane + y + i - padding) * width - padding + j;
                    for (int x = xFrom; x < xTo; x++) {
                        gradInput.add(destination + x, gradColumns.get(source + x));
                    }
                }
            }
        }
    }
}
