package org.mpbnlab.snn.kernel;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element access to a contiguous, c-ordered ND4J array without copying it.
 *
 * <p>The engine keeps its tensors in ND4J (so that GEMM runs natively) but performs all
 * per-element neuron and normalisation work in plain Java loops, which cost about 1 µs per call
 * instead of the 10–40 µs of an ND4J op. A view reads and writes the native memory directly.
 * Values are exchanged as {@code double}; a float array rounds on store, so the same kernel serves
 * the float engine (training, inference) and the double engine (finite-difference gradient checks).
 */
public abstract sealed class ArrayView
        permits ArrayView.FloatView, ArrayView.DoubleView, ArrayView.HeapFloats, ArrayView.HeapDoubles {

    /** Keeps the array (and so its native memory) reachable for as long as the view is used. */
    private INDArray owner;

    /** Number of elements. */
    public abstract int length();

    public abstract double get(int index);

    public abstract void set(int index, double value);

    /** Adds {@code value} to the element at {@code index}. */
    public void add(int index, double value) {
        set(index, get(index) + value);
    }

    /** True when {@link #of} accepts {@code array}: contiguous, c-ordered, no offset. */
    public static boolean viewable(INDArray array) {
        return !array.isView() && array.offset() == 0 && array.ordering() == 'c' && array.length() <= Integer.MAX_VALUE;
    }

    /** A view of {@code array}, which must be contiguous, c-ordered and not a view with an offset. */
    public static ArrayView of(INDArray array) {
        if (array.isView() || array.offset() != 0 || array.ordering() != 'c') {
            throw new IllegalArgumentException("ArrayView needs a contiguous, c-ordered array without offset");
        }
        long length = array.length();
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array too large for a view: " + length);
        }
        DataType type = array.dataType();
        if (type == DataType.FLOAT) {
            FloatBuffer buffer = array.data().asNioFloat();
            return new FloatView(buffer, (int) length).ownedBy(array);
        }
        if (type == DataType.DOUBLE) {
            DoubleBuffer buffer = array.data().asNioDouble();
            return new DoubleView(buffer, (int) length).ownedBy(array);
        }
        throw new IllegalArgumentException("unsupported data type " + type + " (FLOAT or DOUBLE)");
    }

    final ArrayView ownedBy(INDArray array) {
        this.owner = array;
        return this;
    }

    /**
     * A view of a new heap array of {@code length} zeros, in the given type. The hot loops of the neuron
     * and normalisation layers run over heap views: an element access there is a plain array access,
     * several times cheaper than one through a direct buffer.
     */
    public static ArrayView heap(DataType type, int length) {
        if (type == DataType.FLOAT) {
            return new HeapFloats(new float[length]);
        }
        if (type == DataType.DOUBLE) {
            return new HeapDoubles(new double[length]);
        }
        throw new IllegalArgumentException("unsupported data type " + type + " (FLOAT or DOUBLE)");
    }

    /**
     * A heap view of the same type and length as {@code array}, over the backing array of {@code reuse} when that
     * is long enough (its first {@code length} elements; what they hold is left over from earlier use), else over
     * a new one. A layer that runs batches of different sizes in turn (training batches, a smaller last batch, a
     * recording) thus keeps one array per buffer instead of allocating a new one at every change of size, which
     * for large arrays would make the garbage collector start a marking cycle each time.
     */
    public static ArrayView heapLike(ArrayView reuse, INDArray array) {
        int length = (int) array.length();
        if (reuse != null && reuse.length() == length && sameHeapType(reuse, array.dataType())) {
            return reuse;
        }
        if (reuse instanceof HeapFloats floats && array.dataType() == DataType.FLOAT && floats.values.length >= length) {
            return new HeapFloats(floats.values, length);
        }
        if (reuse instanceof HeapDoubles doubles && array.dataType() == DataType.DOUBLE
                && doubles.values.length >= length) {
            return new HeapDoubles(doubles.values, length);
        }
        return heap(array.dataType(), length);
    }

    private static boolean sameHeapType(ArrayView view, DataType type) {
        return type == DataType.FLOAT ? view instanceof HeapFloats : view instanceof HeapDoubles;
    }

    /** A new heap view of {@code length} zeros, of this view's element type. */
    public ArrayView heapOfSameType(int length) {
        boolean single = this instanceof FloatView || this instanceof HeapFloats;
        return heap(single ? DataType.FLOAT : DataType.DOUBLE, length);
    }

    /** Copies all of {@code source} (same length and type) into this view, in bulk. */
    public void copyFrom(INDArray source) {
        ArrayView.of(source).copyRangeTo(0, this, 0, length());
    }

    /** Copies all of this view into {@code target} (same length and type), in bulk. */
    public void copyTo(INDArray target) {
        copyRangeTo(0, ArrayView.of(target), 0, length());
    }

    /**
     * Copies elements {@code [from, from + length)} of this view to {@code [to, to + length)} of
     * {@code target}, in bulk where the two views hold the same type (native or heap memory on either
     * side), element by element otherwise.
     */
    public void copyRangeTo(int from, ArrayView target, int to, int length) {
        if (this instanceof FloatView source && target instanceof HeapFloats heap) {
            source.buffer.get(from, heap.values, to, length);
        } else if (this instanceof HeapFloats heap && target instanceof FloatView destination) {
            destination.buffer.put(to, heap.values, from, length);
        } else if (this instanceof DoubleView source && target instanceof HeapDoubles heap) {
            source.buffer.get(from, heap.values, to, length);
        } else if (this instanceof HeapDoubles heap && target instanceof DoubleView destination) {
            destination.buffer.put(to, heap.values, from, length);
        } else if (this instanceof FloatView source && target instanceof FloatView destination) {
            destination.buffer.put(to, source.buffer, from, length);
        } else if (this instanceof DoubleView source && target instanceof DoubleView destination) {
            destination.buffer.put(to, source.buffer, from, length);
        } else if (this instanceof HeapFloats source && target instanceof HeapFloats heap) {
            System.arraycopy(source.values, from, heap.values, to, length);
        } else if (this instanceof HeapDoubles source && target instanceof HeapDoubles heap) {
            System.arraycopy(source.values, from, heap.values, to, length);
        } else {
            for (int index = 0; index < length; index++) {
                target.set(to + index, get(from + index));
            }
        }
    }

    /** Copies all elements into a new double array. */
    public double[] toDoubleArray() {
        double[] out = new double[length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** A view of a float array. */
    public static final class FloatView extends ArrayView {
        private final FloatBuffer buffer;
        private final int length;

        FloatView(FloatBuffer buffer, int length) {
            this.buffer = buffer;
            this.length = length;
        }

        /** The native buffer, for bulk writes from a kernel. */
        public FloatBuffer buffer() {
            return buffer;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public double get(int index) {
            return buffer.get(index);
        }

        @Override
        public void set(int index, double value) {
            buffer.put(index, (float) value);
        }
    }

    /** A view of a double array. */
    public static final class DoubleView extends ArrayView {
        private final DoubleBuffer buffer;
        private final int length;

        DoubleView(DoubleBuffer buffer, int length) {
            this.buffer = buffer;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public double get(int index) {
            return buffer.get(index);
        }

        @Override
        public void set(int index, double value) {
            buffer.put(index, value);
        }
    }

    /** A view of a heap float array. */
    public static final class HeapFloats extends ArrayView {
        private final float[] values;
        private final int length;

        HeapFloats(float[] values) {
            this(values, values.length);
        }

        /** A view of the first {@code length} elements of {@code values}. */
        HeapFloats(float[] values, int length) {
            this.values = values;
            this.length = length;
        }

        /**
         * The backing array, for loops that the JIT should vectorise. It may be longer than the view: only its
         * first {@link #length()} elements belong to it.
         */
        public float[] array() {
            return values;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public double get(int index) {
            return values[index];
        }

        @Override
        public void set(int index, double value) {
            values[index] = (float) value;
        }
    }

    /** A view of a heap double array. */
    public static final class HeapDoubles extends ArrayView {
        private final double[] values;
        private final int length;

        HeapDoubles(double[] values) {
            this(values, values.length);
        }

        /** A view of the first {@code length} elements of {@code values}. */
        HeapDoubles(double[] values, int length) {
            this.values = values;
            this.length = length;
        }

        /**
         * The backing array, for loops that the JIT should vectorise. It may be longer than the view: only its
         * first {@link #length()} elements belong to it.
         */
        public double[] array() {
            return values;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public double get(int index) {
            return values[index];
        }

        @Override
        public void set(int index, double value) {
            values[index] = value;
        }
    }
}
