package org.mpbnlab.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NpyArrayTest {

    @Test
    void keepsShapeDtypeAndValues() {
        NpyArray a = NpyArray.ofFloat(new int[] {2, 2}, new float[] {1, 2, 3, 4.5f});
        assertEquals(NpyDtype.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertEquals(2, a.ndim());
        assertEquals(4, a.elementCount());
        assertEquals(16, a.byteSize());
        assertArrayEquals(new float[] {1, 2, 3, 4.5f}, a.toFloatArray());
        assertArrayEquals(new double[] {1, 2, 3, 4.5}, a.toDoubleArray());
    }

    @Test
    void aScalarHasOneElementAndAnEmptyShapeHasNone() {
        NpyArray scalar = NpyArray.ofDouble(new int[0], new double[] {3.25});
        assertEquals(0, scalar.ndim());
        assertEquals(1, scalar.elementCount());
        assertArrayEquals(new double[] {3.25}, scalar.toDoubleArray());
        NpyArray empty = NpyArray.ofLong(new int[] {3, 0}, new long[0]);
        assertEquals(0, empty.elementCount());
        assertArrayEquals(new long[0], empty.toLongArray());
    }

    @Test
    void isImmutableAgainstChangesToInputsAndOutputs() {
        float[] data = {1, 2};
        int[] shape = {2};
        NpyArray a = NpyArray.ofFloat(shape, data);
        data[0] = 99;
        shape[0] = 7;
        a.toFloatArray()[1] = 99;
        a.shape()[0] = 7;
        assertArrayEquals(new float[] {1, 2}, a.toFloatArray());
        assertArrayEquals(new int[] {2}, a.shape());
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> a.littleEndianData().put(0, (byte) 1));
    }

    @Test
    void convertsBetweenElementTypesLikeNumpyAstype() {
        assertArrayEquals(new float[] {0.1f}, NpyArray.ofDouble(new int[] {1}, new double[] {0.1}).toFloatArray());
        assertArrayEquals(new double[] {255, 1}, NpyArray.ofUint8(new int[] {2}, new byte[] {(byte) 0xFF, 1}).toDoubleArray());
        assertArrayEquals(new int[] {1, 0}, NpyArray.ofBoolean(new int[] {2}, new boolean[] {true, false}).toIntArray());
        assertArrayEquals(new boolean[] {true, false, true},
                NpyArray.ofInt(new int[] {3}, new int[] {-4, 0, 9}).toBooleanArray());
        assertArrayEquals(new long[] {-5, 1L << 40},
                NpyArray.ofLong(new int[] {2}, new long[] {-5, 1L << 40}).toLongArray());
    }

    @Test
    void refusesToTruncateFloatsOrOverflowIntsSilently() {
        NpyArray floats = NpyArray.ofFloat(new int[] {1}, new float[] {1.5f});
        assertThrows(IllegalStateException.class, floats::toIntArray);
        assertThrows(IllegalStateException.class, floats::toLongArray);
        NpyArray big = NpyArray.ofLong(new int[] {1}, new long[] {1L << 40});
        assertThrows(IllegalStateException.class, big::toIntArray);
    }

    @Test
    void rejectsDataThatDoesNotFitTheShape() {
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofFloat(new int[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofInt(new int[] {-1}, new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofLittleEndianBytes(NpyDtype.FLOAT64, new int[] {2}, new byte[15]));
        assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofLittleEndianBytes(NpyDtype.BOOL, new int[] {1}, new byte[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofUint8(new int[] {65536, 65536}, new byte[0]));
    }

    @Test
    void equalsComparesDtypeShapeAndBytes() {
        NpyArray a = NpyArray.ofInt(new int[] {2}, new int[] {1, 2});
        assertEquals(a, NpyArray.ofInt(new int[] {2}, new int[] {1, 2}));
        assertEquals(a.hashCode(), NpyArray.ofInt(new int[] {2}, new int[] {1, 2}).hashCode());
        assertNotEquals(a, NpyArray.ofInt(new int[] {1, 2}, new int[] {1, 2}));
        assertNotEquals(a, NpyArray.ofFloat(new int[] {2}, new float[] {1, 2}));
        assertEquals("NpyArray[int32 (2,)]", a.toString());
    }
}
