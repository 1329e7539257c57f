package org.mpbnlab.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mpbnlab.io.FuzzInputs;

/**
 * Fuzzing the dataset readers (docs/fuzzing.md): IDX (plain and gzip), CIFAR-10 batches, CSV points and
 * PNG images. Every mutant of a valid file is read or refused with a one-line {@link DatasetException},
 * never another exception and never an allocation the file cannot back.
 */
class DataReadersFuzzTest {

    private static byte[] idxImages() {
        try {
            byte[] pixels = new byte[3 * 5 * 4];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (i * 13);
            }
            return TestFiles.idx(3, new int[] {3, 5, 4}, pixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> idxFiles() {
        try {
            List<byte[]> corpus = new ArrayList<>();
            corpus.add(idxImages());
            corpus.add(TestFiles.gzip(idxImages()));
            corpus.add(TestFiles.idx(1, new int[] {6}, new byte[] {0, 1, 2, 0, 1, 2}));
            corpus.add(TestFiles.idx(4, new int[] {2, 3, 2, 2}, new byte[24]));
            return FuzzInputs.mutantsOf(corpus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(seed = "1410")
    void idxFilesAreReadOrRefusedWithAMessage(@ForAll("idxFiles") byte[] bytes) {
        Path file = FuzzInputs.file("fuzz-idx", bytes);
        for (int rank : new int[] {IdxReader.ANY_IMAGE_RANK, 1}) {
            try {
                IdxReader.read(file, rank);
            } catch (DatasetException e) {
                FuzzInputs.assertUserMessage(e);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> cifarBatches() {
        return FuzzInputs.mutantsOf(List.of(TestFiles.cifarBatch(2, 3, 9), TestFiles.cifarBatch(1, 0)));
    }

    @Property(seed = "1411")
    void cifarBatchesAreReadOrRefusedWithAMessage(@ForAll("cifarBatches") byte[] bytes) {
        try {
            CifarReader.read(FuzzInputs.file("fuzz.bin", bytes));
        } catch (DatasetException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }

    private static final String CSV = "x,y,label,split\n0.5,1.25,0,train\n-1,2e-3,1,train\n3,4,1,test\n"
            + "0,0,0,test\n7.5,-2,2,train\n";
    private static final String NAMED_CSV = "label,y,x\ncat,1,2\ndog,3,4\ncat,5,6\ndog,7,8\nbird,1,1\nbird,2,2\n";

    @Provide
    Arbitrary<byte[]> csvFiles() {
        Arbitrary<byte[]> text = Arbitraries.randomValue(random -> FuzzInputs.utf8(FuzzInputs.mutateText(
                random.nextBoolean() ? CSV : NAMED_CSV, random)));
        return Arbitraries.oneOf(text, FuzzInputs.mutantsOf(List.of(FuzzInputs.utf8(CSV), FuzzInputs.utf8(NAMED_CSV))));
    }

    @Property(seed = "1412")
    void csvFilesAreReadOrRefusedWithAMessage(@ForAll("csvFiles") byte[] bytes) {
        try {
            UserDatasets.load(FuzzInputs.file("fuzz.csv", bytes), DatasetOptions.defaults());
        } catch (DatasetException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }

    private static byte[] png(int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 40) << 16 | (y * 30) << 8 | (x + y) * 10);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> pngFiles() {
        return FuzzInputs.mutantsOf(List.of(png(BufferedImage.TYPE_BYTE_GRAY, 5, 4), png(BufferedImage.TYPE_INT_RGB, 3, 3),
                png(BufferedImage.TYPE_INT_ARGB, 4, 2), png(BufferedImage.TYPE_BYTE_INDEXED, 3, 2)));
    }

    @Property(seed = "1413")
    void pngImagesAreReadOrRefusedWithAMessage(@ForAll("pngFiles") byte[] bytes) {
        try {
            ImageFolderReader.readPng(FuzzInputs.file("fuzz.png", bytes));
        } catch (DatasetException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }
}
