package org.mpbnlab.snn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The work arrays of one {@link Conv2d}, allocated for a number of rows N and reused until N
 * changes: the patch matrix (which also receives its gradient), the channel-major product, the
 * output and the input gradient.
 */
final class ConvolutionBuffers {

    private final PatchLayout layout;
    private final int outChannels;
    private final DataType dtype;
    private int rows = -1;
    private INDArray columns;
    private INDArray channelMajor;
    private INDArray output;
    private INDArray gradInput;

    ConvolutionBuffers(PatchLayout layout, int outChannels, DataType dtype) {
        this.layout = layout;
        this.outChannels = outChannels;
        this.dtype = dtype;
    }

    /** Makes the arrays fit {@code rows} samples, reallocating only if N changed. */
    void ensureRows(int rows) {
        if (rows == this.rows) {
            return;
        }
        long columnCount = (long) rows * layout.positions();
        long largest = Math.max(layout.patchLength(), outChannels) * columnCount;
        if (largest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("conv2d cannot hold " + rows
                    + " rows at once (patch matrix too large): use a smaller batch");
        }
        columns = Nd4j.create(dtype, layout.patchLength(), columnCount);
        channelMajor = Nd4j.create(dtype, outChannels, columnCount);
        output = Nd4j.create(dtype, rows, outChannels, layout.outHeight(), layout.outWidth());
        gradInput = Nd4j.create(dtype, rows, layout.channels(), layout.height(), layout.width());
        this.rows = rows;
    }

    int rows() {
        return rows;
    }

    /** {@code X [Cin·k·k, N·H'·W']} after forward; {@code ∂L/∂X} during backward. */
    INDArray columns() {
        return columns;
    }

    /** {@code [Cout, N·H'·W']}: {@code Wm·X} in forward, the output gradient in backward. */
    INDArray channelMajor() {
        return channelMajor;
    }

    /** {@code [N, Cout, H', W']}. */
    INDArray output() {
        return output;
    }

    /** {@code [N, Cin, H, W]}. */
    INDArray gradInput() {
        return gradInput;
    }
}
