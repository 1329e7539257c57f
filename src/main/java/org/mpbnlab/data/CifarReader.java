package org.mpbnlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CIFAR-10 binary batch ({@code data_batch_1.bin} … {@code test_batch.bin}): a sequence of
 * records of 1 label byte followed by 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each a
 * row-major 32×32 plane), which is exactly a {@code [3, 32, 32]} channel-first image.
 */
final class CifarReader {

    static final int IMAGE_BYTES = 3 * 32 * 32;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    /** A standard batch holds 10,000 records; more than this is not a CIFAR-10 batch. */
    static final int MAX_RECORDS = 60_000;

    private CifarReader() {
    }

    static LabelledImages read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new DatasetException(file + " has " + size + " bytes, not a whole number of "
                    + RECORD_BYTES + "-byte CIFAR-10 records; the file is truncated or not a CIFAR-10 binary batch");
        }
        if (size / RECORD_BYTES > MAX_RECORDS) {
            throw new DatasetException(file + " holds more than " + MAX_RECORDS
                    + " records; it is not a CIFAR-10 binary batch");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length != size) {
            throw new DatasetException(file + " changed while it was read; try again");
        }
        int count = (int) (size / RECORD_BYTES);
        byte[] rawLabels = new byte[count];
        byte[] pixels = new byte[count * IMAGE_BYTES];
        for (int i = 0; i < count; i++) {
            rawLabels[i] = bytes[i * RECORD_BYTES];
            System.arraycopy(bytes, i * RECORD_BYTES + 1, pixels, i * IMAGE_BYTES, IMAGE_BYTES);
        }
        int[] labels = LabelledImages.checkedLabels(rawLabels, 10, file.toString());
        return new LabelledImages(pixels, labels, new int[] {3, 32, 32});
    }

    /** Joins batches in the given order. */
    static LabelledImages concat(LabelledImages... batches) {
        int count = 0;
        for (LabelledImages batch : batches) {
            count += batch.labels().length;
        }
        byte[] pixels = new byte[count * IMAGE_BYTES];
        int[] labels = new int[count];
        int at = 0;
        for (LabelledImages batch : batches) {
            int n = batch.labels().length;
            System.arraycopy(batch.pixels(), 0, pixels, at * IMAGE_BYTES, n * IMAGE_BYTES);
            System.arraycopy(batch.labels(), 0, labels, at, n);
            at += n;
        }
        return new LabelledImages(pixels, labels, new int[] {3, 32, 32});
    }
}
