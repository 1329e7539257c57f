package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void readsPlainAndGzipFilesAlike() throws IOException {
        byte[] data = {1, 2, 3, 4, 5, 6};
        byte[] idx = TestFiles.idx(3, new int[] {1, 2, 3}, data);
        IdxReader.IdxArray plain = IdxReader.read(write("plain", idx), 3);
        IdxReader.IdxArray gzip = IdxReader.read(write("packed.gz", TestFiles.gzip(idx)), 3);
        assertArrayEquals(new int[] {1, 2, 3}, plain.dims());
        assertArrayEquals(data, plain.data());
        assertArrayEquals(data, gzip.data());
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        byte[] idx = TestFiles.idx(1, new int[] {2}, new byte[] {1, 2});
        idx[2] = 0x0D;
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("bad", idx), 1));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void rejectsSwappedImagesAndLabels() throws IOException {
        byte[] labels = TestFiles.idx(1, new int[] {2}, new byte[] {1, 2});
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("labels", labels), 3));
        assertTrue(e.getMessage().contains("swapped"), e.getMessage());
    }

    @Test
    void rejectsTruncatedPlainFile() throws IOException {
        byte[] idx = TestFiles.idx(3, new int[] {4, 28, 28}, new byte[4 * 784]);
        byte[] cut = Arrays.copyOf(idx, idx.length - 100);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("cut", cut), 3));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsTruncatedGzipFile() throws IOException {
        byte[] packed = TestFiles.gzip(TestFiles.idx(3, new int[] {4, 28, 28}, new byte[4 * 784]));
        byte[] cut = Arrays.copyOf(packed, packed.length - 12);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("cut.gz", cut), 3));
        assertTrue(e.getMessage().contains("download it again"), e.getMessage());
    }

    @Test
    void rejectsAbsurdDeclaredSizeWithoutAllocatingIt() throws IOException {
        byte[] idx = TestFiles.idx(3, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 28}, new byte[10]);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("huge", idx), 3));
        assertTrue(e.getMessage().contains("MB of data"), e.getMessage());
    }

    @Test
    void rejectsDeclaredSizeLargerThanGzipCanHold() throws IOException {
        // 200 MB declared: below the absolute cap, but far beyond what a file of ~40 bytes can inflate to
        byte[] packed = TestFiles.gzip(TestFiles.idx(3, new int[] {255_000, 28, 28}, new byte[10]));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("big.gz", packed), 3));
        assertTrue(e.getMessage().contains("holds at most"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveDimension() throws IOException {
        byte[] idx = TestFiles.idx(1, new int[] {-5}, new byte[0]);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("neg", idx), 1));
        assertTrue(e.getMessage().contains("dimension 0"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] idx = TestFiles.idx(1, new int[] {2}, new byte[] {1, 2, 3});
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(write("long", idx), 1));
        assertTrue(e.getMessage().contains("longer"), e.getMessage());
    }

    @Test
    void loadsMnistFolderWithGzipAndPlainFiles() throws IOException {
        TestFiles.writeMnistFolder(dir, 30, 20);
        Dataset dataset = IdxImageDataset.mnist().load(dir);
        assertEquals(30, dataset.train().count());
        assertEquals(20, dataset.test().count());
        assertArrayEquals(new int[] {1, 28, 28}, dataset.train().sampleShape());
        assertEquals(7, dataset.train().label(17));
        Normalisation n = dataset.train().normalisation();
        assertEquals((7 * 3 + 5) % 256 / 255f, n.raw(dataset.train().features()[3 * 784 + 5]), 1e-5);
        double mean = 0;
        for (float v : dataset.train().features()) {
            mean += v;
        }
        assertEquals(0, mean / dataset.train().features().length, 1e-4);
    }

    @Test
    void rejectsImagesAndLabelsOfDifferentCounts() throws IOException {
        TestFiles.writeMnistFolder(dir, 30, 20);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), TestFiles.idx(1, new int[] {19}, new byte[19]));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxImageDataset.mnist().load(dir));
        assertTrue(e.getMessage().contains("20 images but") && e.getMessage().contains("19 labels"), e.getMessage());
    }

    @Test
    void rejectsLabelOutOfRange() throws IOException {
        TestFiles.writeMnistFolder(dir, 30, 20);
        byte[] labels = new byte[20];
        labels[4] = 10;
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), TestFiles.idx(1, new int[] {20}, labels));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxImageDataset.mnist().load(dir));
        assertTrue(e.getMessage().contains("label 10 of sample 4"), e.getMessage());
    }

    @Test
    void rejectsImagesOfTheWrongSize() throws IOException {
        TestFiles.writeMnistFolder(dir, 30, 20);
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), TestFiles.idx(3, new int[] {20, 32, 32}, new byte[20 * 1024]));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxImageDataset.mnist().load(dir));
        assertTrue(e.getMessage().contains("32×32"), e.getMessage());
    }
}
