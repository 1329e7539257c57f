package org.mpbnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of the user's IDX files, named as MNIST's: {@code train-images-idx3-ubyte} and
 * {@code train-labels-idx1-ubyte} for training, {@code t10k-…} or {@code test-…} for testing, each plain
 * or gzip-compressed ({@code .gz}). Images are N×H×W (one channel) or N×C×H×W of any size; labels are
 * bytes 0, 1, … (the number of classes is the largest training label + 1).
 */
final class IdxFolderReader {

    private IdxFolderReader() {
    }

    static Dataset read(Path folder, String name) {
        RawSplit train = split(folder, List.of("train"));
        RawSplit test = split(folder, List.of("t10k", "test"));
        return UserDatasets.build(name, null, train, test, 0,
                DataOrigin.pixels("file", "idx", folder.toAbsolutePath().normalize().toString()));
    }

    private static RawSplit split(Path folder, List<String> prefixes) {
        Path images = find(folder, prefixes, "images", 3);
        Path labels = find(folder, prefixes, "labels", 1);
        if (images == null || labels == null) {
            throw new DatasetException(folder + " holds no " + (images == null ? "images" : "labels") + " file for "
                    + (prefixes.get(0).equals("train") ? "training" : "testing") + ": a folder of IDX files needs "
                    + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte (each may end in .gz; test- may replace t10k-)");
        }
        IdxReader.IdxArray pixels = IdxReader.read(images, IdxReader.ANY_IMAGE_RANK);
        IdxReader.IdxArray classes = IdxReader.read(labels, 1);
        int[] dims = pixels.dims();
        if (classes.dims()[0] != dims[0]) {
            throw new DatasetException(images.getFileName() + " holds " + dims[0] + " images but " + labels.getFileName()
                    + " holds " + classes.dims()[0] + " labels; the files do not belong together");
        }
        int[] shape = dims.length == 3 ? new int[] {1, dims[1], dims[2]} : new int[] {dims[1], dims[2], dims[3]};
        int[] labelValues = new int[dims[0]];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = classes.data()[i] & 0xff;
        }
        return new RawSplit(new LabelledImages(pixels.data(), labelValues, shape).intensities(), labelValues, shape);
    }

    /** {@code <prefix>-<kind>-idx<rank>-ubyte[.gz]} for the first prefix that has one, else null. */
    private static Path find(Path folder, List<String> prefixes, String kind, int rank) {
        for (String prefix : prefixes) {
            for (String rankName : rank == 3 ? List.of("idx3", "idx4") : List.of("idx1")) {
                for (String suffix : List.of("", ".gz")) {
                    Path file = folder.resolve(prefix + "-" + kind + "-" + rankName + "-ubyte" + suffix);
                    if (Files.isRegularFile(file)) {
                        return file;
                    }
                }
            }
        }
        return null;
    }
}
