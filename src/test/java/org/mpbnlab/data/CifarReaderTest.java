package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRecordsAsChannelFirstImages() throws IOException {
        Path file = dir.resolve("b.bin");
        Files.write(file, TestFiles.cifarBatch(3, 9, 0, 4));
        LabelledImages images = CifarReader.read(file);
        assertArrayEquals(new int[] {9, 0, 4}, images.labels());
        assertArrayEquals(new int[] {3, 32, 32}, images.sampleShape());
        assertEquals((byte) ((2 + 1024) % 256), images.pixels()[2 * 3072 + 1024]);
    }

    @Test
    void rejectsTruncatedBatch() throws IOException {
        Path file = dir.resolve("b.bin");
        Files.write(file, Arrays.copyOf(TestFiles.cifarBatch(3, 1), 3 * 3073 - 1));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(file));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void rejectsEmptyBatch() throws IOException {
        Path file = dir.resolve("b.bin");
        Files.write(file, new byte[0]);
        assertThrows(DatasetException.class, () -> CifarReader.read(file));
    }

    @Test
    void rejectsLabelOutOfRange() throws IOException {
        Path file = dir.resolve("b.bin");
        Files.write(file, TestFiles.cifarBatch(2, 3, 10));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarReader.read(file));
        assertTrue(e.getMessage().contains("label 10 of sample 1"), e.getMessage());
    }

    @Test
    void loadsSixBatchesFromTheArchiveSubfolder() throws IOException {
        Path batches = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (String name : Cifar10Dataset.TRAIN_BATCHES) {
            Files.write(batches.resolve(name), TestFiles.cifarBatch(4, 1, 2));
        }
        Files.write(batches.resolve(Cifar10Dataset.TEST_BATCH), TestFiles.cifarBatch(5, 7));
        Cifar10Dataset cifar = new Cifar10Dataset();
        assertTrue(cifar.isComplete(dir));
        Dataset dataset = cifar.load(dir);
        assertEquals(20, dataset.train().count());
        assertEquals(5, dataset.test().count());
        assertEquals(7, dataset.test().label(3));
        assertArrayEquals(new int[] {3, 32, 32}, dataset.frameShape());
    }

    @Test
    void unpacksOnlyTheBatchesFromTheArchive() throws IOException {
        String[] names = {"cifar-10-batches-bin/batches.meta.txt", "cifar-10-batches-bin/data_batch_1.bin",
            "cifar-10-batches-bin/../../evil.bin", "cifar-10-batches-bin/data_batch_2.bin"};
        byte[][] contents = {"airplane\n".getBytes(), TestFiles.cifarBatch(1, 1), new byte[] {1},
            TestFiles.cifarBatch(2, 2)};
        Path archive = dir.resolve("a.tar.gz");
        Files.write(archive, TestFiles.tarGz(names, contents));
        Path out = Files.createDirectories(dir.resolve("out"));
        Set<String> found = TarExtractor.extract(archive, out, Set.of("data_batch_1.bin", "data_batch_2.bin"));
        assertEquals(Set.of("data_batch_1.bin", "data_batch_2.bin"), found);
        assertArrayEquals(TestFiles.cifarBatch(2, 2), Files.readAllBytes(out.resolve("data_batch_2.bin")));
        assertFalse(Files.exists(dir.resolve("evil.bin")));
        assertFalse(Files.exists(out.resolve("batches.meta.txt")));
    }
}
