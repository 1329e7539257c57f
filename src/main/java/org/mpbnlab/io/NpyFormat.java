package org.mpbnlab.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes the NumPy {@code .npy} format (version 1.0 written; 1.0, 2.0 and 3.0 read).
 *
 * <p>Layout: the magic {@code \x93NUMPY}, a major and a minor version byte, the header length
 * (2 bytes little-endian in v1.0, 4 bytes in v2.0/3.0), the header — a Python dict literal
 * padded with spaces and ended by {@code '\n'} so that the data starts at a multiple of 64
 * bytes — and then the elements.
 *
 * <p>Reading accepts little-endian ({@code '<'}), big-endian ({@code '>'}) and one-byte
 * ({@code '|'}) descrs, and Fortran-ordered arrays (which NumPy writes for transposed
 * arrays such as {@code w.T}); both are converted to little-endian C order, so the
 * {@link NpyArray} always means the same thing. Writing produces exactly the bytes
 * {@code np.save} produces for a C-ordered little-endian array.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    /** NumPy leaves room for the first dimension to grow to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Real headers are under 1 KiB; anything above this is corruption or an attack. */
    static final int MAX_HEADER_BYTES = 65_536;

    private NpyFormat() {
    }

    /** Writes {@code array} in .npy v1.0 format, little-endian and C order. */
    public static void write(NpyArray array, OutputStream out) throws IOException {
        out.write(header(array));
        ByteBuffer data = array.littleEndianData();
        byte[] chunk = new byte[Math.min(data.remaining(), 1 << 16)];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }

    /** The complete .npy file for {@code array}. */
    public static byte[] toBytes(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(array.byteSize() + 128);
        try {
            write(array, out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
    }

    /**
     * The magic, version, header length and padded header, exactly as {@code np.save} writes
     * them: {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}, then spare
     * spaces, then spaces up to {@code (10 + headerLength) % 64 == 0}, the last one a newline.
     */
    static byte[] header(NpyArray array) {
        int[] shape = array.shape();
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '").append(array.dtype().littleEndianDescr())
                .append("', 'fortran_order': False, 'shape': ").append(NpyShape.format(shape))
                .append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        }
        int prefixLength = MAGIC.length + 2 + 2;
        int unpadded = dict.length() + 1;   // + the final '\n'
        int padding = ALIGNMENT - (prefixLength + unpadded) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');

        ByteBuffer header = ByteBuffer.allocate(prefixLength + dict.length())
                .order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) dict.length());
        header.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }

    /** Reads a complete .npy file held in memory, with no size limit beyond the array's. */
    public static NpyArray read(byte[] file) throws NpyFormatException {
        try {
            return read(new ByteArrayInputStream(file), NpyArray.MAX_BYTES);
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Reads one .npy file that makes up the whole of {@code in} (the stream must end right
     * after the data). The data size declared by the header is checked against
     * {@code maxDataBytes} before anything is allocated.
     *
     * @throws NpyFormatException if the bytes are not a valid, supported .npy file
     * @throws IOException        if reading the stream fails
     */
    public static NpyArray read(InputStream in, long maxDataBytes) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new NpyFormatException("not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        NpyHeader header = NpyHeader.parse(readHeaderText(in));

        long elements = NpyShape.elementCount(header.shape()).orElseThrow();
        long dataBytes = elements * header.dtype().itemSize();
        String what = header.dtype().numpyName() + " array of shape " + NpyShape.format(header.shape());
        if (dataBytes > Math.min(maxDataBytes, NpyArray.MAX_BYTES)) {
            throw new NpyFormatException.ArrayTooLarge("the " + what + " needs " + dataBytes
                    + " bytes, more than the limit of " + Math.min(maxDataBytes, NpyArray.MAX_BYTES),
                    dataBytes);
        }
        byte[] data = in.readNBytes((int) dataBytes);
        if (data.length < dataBytes) {
            throw new NpyFormatException("the .npy file is truncated: the " + what + " needs "
                    + dataBytes + " bytes of data but only " + data.length + " are present");
        }
        if (in.read() != -1) {
            throw new NpyFormatException("the .npy file has extra bytes after the " + dataBytes
                    + " bytes of data that its " + what + " needs");
        }
        if (header.bigEndian()) {
            swapByteOrder(data, header.dtype().itemSize());
        }
        int[] shape = Arrays.stream(header.shape()).mapToInt(d -> (int) d).toArray();
        if (header.fortranOrder()) {
            data = fortranToC(data, shape, header.dtype().itemSize());
        }
        if (header.dtype() == NpyDtype.BOOL) {
            for (byte b : data) {
                if (b != 0 && b != 1) {
                    throw new NpyFormatException("the bool array holds a byte other than 0 or 1");
                }
            }
        }
        return NpyArray.adoptLittleEndianBytes(header.dtype(), shape, data);
    }

    /** Reads version and header length, then the header text (Latin-1, or UTF-8 in v3.0). */
    private static String readHeaderText(InputStream in) throws IOException {
        int major = in.read();
        int minor = in.read();
        if (minor < 0) {
            throw new NpyFormatException("the .npy file is truncated inside its header");
        }
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException("unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw new NpyFormatException("the .npy file is truncated inside its header");
        }
        long headerLength = lengthBytes == 2
                ? ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFFL
                : ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException("the .npy header claims to be " + headerLength
                    + " bytes long, which is absurd (limit " + MAX_HEADER_BYTES + ")");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw new NpyFormatException("the .npy file is truncated inside its header");
        }
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        return new String(text, charset);
    }

    /** Reverses the bytes of every {@code itemSize}-byte element in place. */
    private static void swapByteOrder(byte[] data, int itemSize) {
        for (int start = 0; start < data.length; start += itemSize) {
            for (int i = 0, j = itemSize - 1; i < j; i++, j--) {
                byte b = data[start + i];
                data[start + i] = data[start + j];
                data[start + j] = b;
            }
        }
    }

    /**
     * Reorders Fortran-ordered elements (first index fastest) into C order (last index
     * fastest). Element {@code (i0, ..., i(n-1))} is at Fortran offset
     * {@code Σ_k i_k · Π_{j<k} s_j}; we walk the indices in C order like an odometer and
     * keep that offset up to date incrementally.
     */
    static byte[] fortranToC(byte[] fortran, int[] shape, int itemSize) {
        byte[] c = new byte[fortran.length];
        int n = shape.length;
        long[] fortranStride = new long[n];
        long stride = 1;
        for (int k = 0; k < n; k++) {
            fortranStride[k] = stride;
            stride *= shape[k];
        }
        int[] index = new int[n];
        long fortranOffset = 0;
        int elements = fortran.length / itemSize;
        for (int flat = 0; flat < elements; flat++) {
            System.arraycopy(fortran, (int) (fortranOffset * itemSize), c, flat * itemSize, itemSize);
            for (int k = n - 1; k >= 0; k--) {
                index[k]++;
                fortranOffset += fortranStride[k];
                if (index[k] < shape[k]) {
                    break;
                }
                fortranOffset -= (long) shape[k] * fortranStride[k];
                index[k] = 0;
            }
        }
        return c;
    }
}
