package org.mpbnlab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable n-dimensional array as NumPy stores it: a dtype, a shape and the elements in
 * C order (last index fastest), held as little-endian bytes.
 *
 * <p>The element at multi-index {@code (i0, ..., i(n-1))} of shape {@code (s0, ..., s(n-1))}
 * sits at flat position {@code ((i0·s1 + i1)·s2 + i2)·...}. A shape {@code ()} is a scalar with
 * one element; a shape containing 0 holds no elements.
 *
 * <p>Every factory copies its input and every accessor returns a fresh copy, so an
 * {@code NpyArray} can be shared freely. Two arrays are equal when dtype, shape and the exact
 * bytes agree (so NaN equals the same NaN bit pattern).
 */
public final class NpyArray {
    /** Largest byte size a Java array (and hence this class) can hold. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final NpyDtype dtype;
    private final int[] shape;
    private final byte[] littleEndianData;

    private NpyArray(NpyDtype dtype, int[] shape, byte[] littleEndianData) {
        this.dtype = dtype;
        this.shape = shape;
        this.littleEndianData = littleEndianData;
    }

    /** A float32 array; {@code data.length} must equal the product of {@code shape}. */
    public static NpyArray ofFloat(int[] shape, float[] data) {
        ByteBuffer buffer = allocate(NpyDtype.FLOAT32, shape, data.length);
        buffer.asFloatBuffer().put(data);
        return new NpyArray(NpyDtype.FLOAT32, shape.clone(), buffer.array());
    }

    /** A float64 array; {@code data.length} must equal the product of {@code shape}. */
    public static NpyArray ofDouble(int[] shape, double[] data) {
        ByteBuffer buffer = allocate(NpyDtype.FLOAT64, shape, data.length);
        buffer.asDoubleBuffer().put(data);
        return new NpyArray(NpyDtype.FLOAT64, shape.clone(), buffer.array());
    }

    /** An int32 array; {@code data.length} must equal the product of {@code shape}. */
    public static NpyArray ofInt(int[] shape, int[] data) {
        ByteBuffer buffer = allocate(NpyDtype.INT32, shape, data.length);
        buffer.asIntBuffer().put(data);
        return new NpyArray(NpyDtype.INT32, shape.clone(), buffer.array());
    }

    /** An int64 array; {@code data.length} must equal the product of {@code shape}. */
    public static NpyArray ofLong(int[] shape, long[] data) {
        ByteBuffer buffer = allocate(NpyDtype.INT64, shape, data.length);
        buffer.asLongBuffer().put(data);
        return new NpyArray(NpyDtype.INT64, shape.clone(), buffer.array());
    }

    /** A uint8 array: each Java byte is read as unsigned, so {@code (byte) 0xFF} is 255. */
    public static NpyArray ofUint8(int[] shape, byte[] data) {
        allocate(NpyDtype.UINT8, shape, data.length);
        return new NpyArray(NpyDtype.UINT8, shape.clone(), data.clone());
    }

    /** A bool array, stored as one byte per element (0 or 1) like NumPy. */
    public static NpyArray ofBoolean(int[] shape, boolean[] data) {
        ByteBuffer buffer = allocate(NpyDtype.BOOL, shape, data.length);
        for (boolean value : data) {
            buffer.put((byte) (value ? 1 : 0));
        }
        return new NpyArray(NpyDtype.BOOL, shape.clone(), buffer.array());
    }

    /**
     * An array of any dtype from its raw little-endian C-order bytes.
     *
     * @throws IllegalArgumentException if the byte count does not match the shape, or a bool
     *                                  array holds a byte other than 0 or 1
     */
    public static NpyArray ofLittleEndianBytes(NpyDtype dtype, int[] shape, byte[] data) {
        long elements = checkedElementCount(shape);
        if (data.length != elements * dtype.itemSize()) {
            throw new IllegalArgumentException("shape " + NpyShape.format(shape) + " of "
                    + dtype.numpyName() + " needs " + elements * dtype.itemSize()
                    + " bytes but " + data.length + " were given");
        }
        if (dtype == NpyDtype.BOOL) {
            for (byte b : data) {
                if (b != 0 && b != 1) {
                    throw new IllegalArgumentException("a bool array may only hold bytes 0 and 1");
                }
            }
        }
        return new NpyArray(dtype, shape.clone(), data.clone());
    }

    /** Wraps bytes that the caller has already checked and will never touch again. */
    static NpyArray adoptLittleEndianBytes(NpyDtype dtype, int[] shape, byte[] data) {
        return new NpyArray(dtype, shape, data);
    }

    private static ByteBuffer allocate(NpyDtype dtype, int[] shape, int dataLength) {
        long elements = checkedElementCount(shape);
        if (elements != dataLength) {
            throw new IllegalArgumentException("shape " + NpyShape.format(shape) + " holds "
                    + elements + " elements but " + dataLength + " were given");
        }
        return ByteBuffer.allocate(Math.multiplyExact(dataLength, dtype.itemSize()))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long checkedElementCount(int[] shape) {
        Objects.requireNonNull(shape, "shape");
        long[] dims = Arrays.stream(shape).asLongStream().toArray();
        return NpyShape.elementCount(dims)
                .orElseThrow(() -> new IllegalArgumentException("invalid shape "
                        + NpyShape.format(shape) + ": dimensions must be >= 0 and the element"
                        + " count must fit in a Java array"));
    }

    public NpyDtype dtype() {
        return dtype;
    }

    /** A copy of the shape; empty for a scalar. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions (0 for a scalar). */
    public int ndim() {
        return shape.length;
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public int elementCount() {
        return littleEndianData.length / dtype.itemSize();
    }

    /** Size of the element data in bytes. */
    public int byteSize() {
        return littleEndianData.length;
    }

    /** A read-only little-endian view of the element bytes in C order (no copy). */
    public ByteBuffer littleEndianData() {
        return ByteBuffer.wrap(littleEndianData).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The elements as doubles, converted like NumPy's {@code astype(np.float64)}. */
    public double[] toDoubleArray() {
        ByteBuffer in = littleEndianData();
        double[] out = new double[elementCount()];
        if (dtype == NpyDtype.FLOAT64) {
            in.asDoubleBuffer().get(out);
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype == NpyDtype.FLOAT32 ? in.getFloat(4 * i) : integerAt(in, i);
        }
        return out;
    }

    /** The elements as floats, converted like NumPy's {@code astype(np.float32)}. */
    public float[] toFloatArray() {
        if (dtype == NpyDtype.FLOAT32) {
            float[] out = new float[elementCount()];
            littleEndianData().asFloatBuffer().get(out);
            return out;
        }
        ByteBuffer in = littleEndianData();
        float[] out = new float[elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dtype == NpyDtype.FLOAT64 ? (float) in.getDouble(8 * i) : (float) integerAt(in, i);
        }
        return out;
    }

    /**
     * The elements as longs; only for integer and bool dtypes, since a float → integer
     * conversion would silently truncate.
     *
     * @throws IllegalStateException for float32 and float64 arrays
     */
    public long[] toLongArray() {
        if (dtype.isFloatingPoint()) {
            throw new IllegalStateException("a " + dtype.numpyName() + " array cannot be read as"
                    + " integers without truncating; use toDoubleArray()");
        }
        ByteBuffer in = littleEndianData();
        long[] out = new long[elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integerAt(in, i);
        }
        return out;
    }

    /** Element {@code i} of an integer or bool array; uint8 and bool bytes are unsigned. */
    private long integerAt(ByteBuffer in, int i) {
        return switch (dtype) {
            case INT32 -> in.getInt(4 * i);
            case INT64 -> in.getLong(8 * i);
            case UINT8, BOOL -> in.get(i) & 0xFF;
            case FLOAT32, FLOAT64 -> throw new IllegalStateException("not an integer dtype");
        };
    }

    /**
     * The elements as ints; only for integer and bool dtypes whose values fit in an int.
     *
     * @throws IllegalStateException for float arrays or an int64 value outside the int range
     */
    public int[] toIntArray() {
        long[] wide = toLongArray();
        int[] out = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            if (wide[i] != (int) wide[i]) {
                throw new IllegalStateException("int64 value " + wide[i] + " at flat index " + i
                        + " does not fit in an int");
            }
            out[i] = (int) wide[i];
        }
        return out;
    }

    /**
     * The elements as booleans (non-zero is true); only for bool and integer dtypes.
     *
     * @throws IllegalStateException for float arrays
     */
    public boolean[] toBooleanArray() {
        long[] wide = toLongArray();
        boolean[] out = new boolean[wide.length];
        for (int i = 0; i < wide.length; i++) {
            out[i] = wide[i] != 0;
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that
                && dtype == that.dtype
                && Arrays.equals(shape, that.shape)
                && Arrays.equals(littleEndianData, that.littleEndianData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(littleEndianData));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.numpyName() + " " + NpyShape.format(shape) + "]";
    }
}
