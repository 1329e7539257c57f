package org.mpbnlab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyFormatTest {

    /** A .npy file with the given version and header text, followed by {@code data}. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (lengthBytes == 2) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(data).array();
    }

    static byte[] npy(String header, byte[] data) {
        return npy(1, header, data);
    }

    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }\n";
    }

    static byte[] ints(ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static String rejectionOf(byte[] file) {
        return assertThrows(NpyFormatException.class, () -> NpyFormat.read(file)).getMessage();
    }

    @Test
    void writesExactlyTheBytesNumpyWritesForAFloatMatrix() {
        // np.save(f, np.arange(12, dtype='<f4').reshape(3, 4)) with NumPy 2.x: header length
        // 0x76 = 118, the dict followed by 58 spaces and '\n', data starting at byte 128.
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"
                + " ".repeat(58) + "\n";
        byte[] expected = concat(
                new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0},
                header.getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().parseHex("000000000000803f0000004000004040000080400000a040"
                        + "0000c0400000e04000000041000010410000204100003041"));
        float[] values = new float[12];
        for (int i = 0; i < 12; i++) {
            values[i] = i;
        }
        byte[] written = NpyFormat.toBytes(NpyArray.ofFloat(new int[] {3, 4}, values));
        assertArrayEquals(expected, written);
    }

    @Test
    void writesExactlyTheBytesNumpyWritesForAScalarAndAnEmptyVector() {
        byte[] scalar = NpyFormat.toBytes(NpyArray.ofDouble(new int[0], new double[] {1.5}));
        String scalarHeader = "{'descr': '<f8', 'fortran_order': False, 'shape': (), }"
                + " ".repeat(62) + "\n";
        assertArrayEquals(concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0},
                scalarHeader.getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().parseHex("000000000000f83f")), scalar);

        byte[] empty = NpyFormat.toBytes(NpyArray.ofInt(new int[] {0}, new int[0]));
        String emptyHeader = "{'descr': '<i4', 'fortran_order': False, 'shape': (0,), }"
                + " ".repeat(60) + "\n";
        assertArrayEquals(concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0},
                emptyHeader.getBytes(StandardCharsets.US_ASCII)), empty);
    }

    @Test
    void startsTheDataAtAMultipleOf64BytesForEveryShapeLength() {
        for (int dims = 0; dims <= 12; dims++) {
            int[] shape = new int[dims];
            Arrays.fill(shape, 1);
            byte[] header = NpyFormat.header(NpyArray.ofUint8(shape, new byte[1]));
            assertEquals(0, header.length % 64, "shape of " + dims + " dimensions");
            assertEquals('\n', header[header.length - 1]);
        }
    }

    static Stream<Arguments> everyDtypeAndShape() {
        int[][] shapes = {{}, {0}, {5}, {2, 3}, {2, 0, 3}, {1, 2, 3, 4}};
        return Arrays.stream(NpyDtype.values())
                .flatMap(dtype -> Arrays.stream(shapes).map(shape -> Arguments.of(dtype, shape)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyDtypeAndShape")
    void roundTripsEveryDtypeAndShape(NpyDtype dtype, int[] shape) throws Exception {
        NpyArray original = randomArray(dtype, shape, new Random(42));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyFormat.write(original, out);
        NpyArray back = NpyFormat.read(new ByteArrayInputStream(out.toByteArray()), 1 << 20);
        assertEquals(original, back);
        assertArrayEquals(shape, back.shape());
        assertEquals(dtype, back.dtype());
    }

    static NpyArray randomArray(NpyDtype dtype, int[] shape, Random random) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        byte[] data = new byte[n * dtype.itemSize()];
        random.nextBytes(data);
        if (dtype == NpyDtype.BOOL) {
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (data[i] & 1);
            }
        }
        return NpyArray.ofLittleEndianBytes(dtype, shape, data);
    }

    @Test
    void readsBigEndianArraysAsTheSameValues() throws Exception {
        NpyArray array = NpyFormat.read(npy(dict(">i4", false, "(3,)"),
                ints(ByteOrder.BIG_ENDIAN, 1, -2, 300_000)));
        assertArrayEquals(new int[] {1, -2, 300_000}, array.toIntArray());

        ByteBuffer doubles = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(0.25).putDouble(-7);
        NpyArray d = NpyFormat.read(npy(dict(">f8", false, "(2,)"), doubles.array()));
        assertArrayEquals(new double[] {0.25, -7}, d.toDoubleArray());
    }

    @Test
    void acceptsEveryByteOrderMarkForOneByteTypes() throws Exception {
        for (String descr : new String[] {"|u1", "<u1", ">u1"}) {
            NpyArray array = NpyFormat.read(npy(dict(descr, false, "(2,)"), new byte[] {7, (byte) 200}));
            assertArrayEquals(new int[] {7, 200}, array.toIntArray(), descr);
        }
    }

    @Test
    void readsFortranOrderedArraysIntoCOrder() throws Exception {
        // np.asfortranarray(np.arange(6, dtype='<i4').reshape(2, 3)) stores 0, 3, 1, 4, 2, 5
        NpyArray array = NpyFormat.read(npy(dict("<i4", true, "(2, 3)"),
                ints(ByteOrder.LITTLE_ENDIAN, 0, 3, 1, 4, 2, 5)));
        assertArrayEquals(new int[] {2, 3}, array.shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, array.toIntArray());
    }

    @Test
    void reordersThreeDimensionalFortranDataLikeTheIndexFormula() throws Exception {
        int s0 = 2, s1 = 3, s2 = 4;
        int[] fortran = new int[s0 * s1 * s2];
        for (int i = 0; i < s0; i++) {
            for (int j = 0; j < s1; j++) {
                for (int k = 0; k < s2; k++) {
                    fortran[i + s0 * (j + s1 * k)] = 100 * i + 10 * j + k;
                }
            }
        }
        int[] c = NpyFormat.read(npy(dict("<i4", true, "(2, 3, 4)"),
                ints(ByteOrder.LITTLE_ENDIAN, fortran))).toIntArray();
        for (int i = 0; i < s0; i++) {
            for (int j = 0; j < s1; j++) {
                for (int k = 0; k < s2; k++) {
                    assertEquals(100 * i + 10 * j + k, c[(i * s1 + j) * s2 + k]);
                }
            }
        }
    }

    @Test
    void readsVersion2And3HeadersAndDoubleQuotedPythonTwoStyleHeaders() throws Exception {
        byte[] data = ints(ByteOrder.LITTLE_ENDIAN, 5, 6);
        for (int major = 2; major <= 3; major++) {
            assertArrayEquals(new int[] {5, 6},
                    NpyFormat.read(npy(major, dict("<i4", false, "(2,)"), data)).toIntArray());
        }
        String python2 = "{\"descr\": \"<i4\", \"fortran_order\": False, \"shape\": (1L, 2L)}   \n";
        assertArrayEquals(new int[] {1, 2}, NpyFormat.read(npy(python2, data)).shape());
    }

    @Test
    void rejectsObjectArraysBecauseTheyNeedPickle() {
        String message = rejectionOf(npy(dict("|O", false, "(1,)"), new byte[8]));
        assertTrue(message.contains("object arrays"), message);
    }

    @Test
    void rejectsUnknownAndStructuredDtypes() {
        assertTrue(rejectionOf(npy(dict("<c8", false, "(1,)"), new byte[8]))
                .contains("unsupported dtype '<c8'"));
        assertTrue(rejectionOf(npy(dict("f4", false, "(1,)"), new byte[4]))
                .contains("byte-order"));
        assertTrue(rejectionOf(npy(dict("|f4", false, "(1,)"), new byte[4]))
                .contains("little- or big-endian"));
        String structured = "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }\n";
        assertTrue(rejectionOf(npy(structured, new byte[4])).contains("structured"));
    }

    @Test
    void rejectsTruncatedDataAndTrailingBytes() {
        String truncated = rejectionOf(npy(dict("<f4", false, "(3,)"), new byte[11]));
        assertTrue(truncated.contains("truncated") && truncated.contains("12 bytes"), truncated);
        String extra = rejectionOf(npy(dict("<f4", false, "(3,)"), new byte[13]));
        assertTrue(extra.contains("extra bytes"), extra);
        byte[] whole = npy(dict("<f4", false, "(3,)"), new byte[12]);
        assertTrue(rejectionOf(Arrays.copyOf(whole, 20)).contains("truncated inside its header"));
        assertTrue(rejectionOf(Arrays.copyOf(whole, 7)).contains("truncated inside its header"));
    }

    @Test
    void rejectsNegativeOverflowingAndMalformedShapes() {
        assertTrue(rejectionOf(npy(dict("<f4", false, "(-1,)"), new byte[0])).contains("non-negative"));
        assertTrue(rejectionOf(npy(dict("<f4", false, "(4294967296, 4294967296)"), new byte[0]))
                .contains("too large"));
        assertTrue(rejectionOf(npy(dict("<f4", false, "(99999999999999999999999,)"), new byte[0]))
                .contains("too large"));
        assertTrue(rejectionOf(npy(dict("<f4", false, "(3)"), new byte[12])).contains("not a tuple"));
        assertTrue(rejectionOf(npy(dict("<f4", false, "3"), new byte[12])).contains("tuple"));
    }

    @Test
    void refusesADeclaredSizeOverTheLimitBeforeReadingIt() {
        byte[] file = npy(dict("<f8", false, "(1000, 1000)"), new byte[0]);
        NpyFormatException e = assertThrows(NpyFormatException.ArrayTooLarge.class,
                () -> NpyFormat.read(new ByteArrayInputStream(file), 1_000_000));
        assertTrue(e.getMessage().contains("8000000 bytes"), e.getMessage());
    }

    @Test
    void rejectsAbsurdHeaderLengthsBadMagicAndUnknownVersions() {
        byte[] huge = npy(2, "", new byte[0]);
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7fffffff);
        assertTrue(rejectionOf(huge).contains("absurd"));
        assertTrue(rejectionOf("PK\3\4 not numpy".getBytes(StandardCharsets.ISO_8859_1))
                .contains("not a NumPy .npy file"));
        assertTrue(rejectionOf(npy(4, dict("<f4", false, "()"), new byte[4])).contains("version 4.0"));
    }

    @Test
    void rejectsHeadersWithMissingExtraOrRepeatedKeysAndEvaluatesNothing() {
        assertTrue(rejectionOf(npy("{'descr': '<f4', 'shape': (1,), }\n", new byte[4]))
                .contains("exactly the keys"));
        assertTrue(rejectionOf(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,),"
                + " 'extra': 1}\n", new byte[4])).contains("exactly the keys"));
        assertTrue(rejectionOf(npy("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False,"
                + " 'shape': (1,)}\n", new byte[4])).contains("twice"));
        String code = "{'descr': __import__('os').system('echo pwned'), 'fortran_order': False,"
                + " 'shape': (1,)}\n";
        String message = rejectionOf(npy(code, new byte[4]));
        assertTrue(message.startsWith("malformed .npy header"), message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void rejectsBoolArraysHoldingOtherBytes() {
        assertTrue(rejectionOf(npy(dict("|b1", false, "(2,)"), new byte[] {1, 2})).contains("bool"));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
