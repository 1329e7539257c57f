package org.mpbnlab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small dataset files (IDX, CIFAR batches, tar.gz) for the reader tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** An IDX file of unsigned bytes with the given magic rank byte, dims and data. */
    static byte[] idx(int rankByte, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000800 | rankByte);
        for (int dim : dims) {
            out.writeInt(dim);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** {@code count} 28×28 images whose pixels encode their index, and labels {@code i mod 10}. */
    static void writeMnistPair(Path folder, String imagesBase, String labelsBase, int count, boolean gzip)
            throws IOException {
        byte[] pixels = new byte[count * 28 * 28];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
            for (int p = 0; p < 28 * 28; p++) {
                pixels[i * 28 * 28 + p] = (byte) ((i * 7 + p) % 256);
            }
        }
        write(folder, imagesBase, idx(3, new int[] {count, 28, 28}, pixels), gzip);
        write(folder, labelsBase, idx(1, new int[] {count}, labels), gzip);
    }

    static void writeMnistFolder(Path folder, int trainCount, int testCount) throws IOException {
        Files.createDirectories(folder);
        writeMnistPair(folder, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", trainCount, true);
        writeMnistPair(folder, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", testCount, false);
    }

    private static void write(Path folder, String base, byte[] content, boolean gzip) throws IOException {
        if (gzip) {
            Files.write(folder.resolve(base + ".gz"), gzip(content));
        } else {
            Files.write(folder.resolve(base), content);
        }
    }

    /** A CIFAR-10 batch of {@code count} records with the given labels (cycled) and pixel pattern. */
    static byte[] cifarBatch(int count, int... labels) {
        byte[] bytes = new byte[count * 3073];
        for (int i = 0; i < count; i++) {
            bytes[i * 3073] = (byte) labels[i % labels.length];
            for (int p = 0; p < 3072; p++) {
                bytes[i * 3073 + 1 + p] = (byte) ((i + p) % 256);
            }
        }
        return bytes;
    }

    /** A gzip-compressed ustar archive holding {@code names[i]} with {@code contents[i]}. */
    static byte[] tarGz(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            byte[] header = new byte[512];
            byte[] name = names[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, header, 0, name.length);
            byte[] size = String.format("%011o", contents[i].length).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(size, 0, header, 124, size.length);
            header[156] = '0';
            byte[] magic = "ustar".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(magic, 0, header, 257, magic.length);
            tar.write(header);
            tar.write(contents[i]);
            tar.write(new byte[(512 - contents[i].length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        return gzip(tar.toByteArray());
    }
}
