package org.mpbnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The user's own datasets, named by the path of a file or folder instead of a built-in name:
 * <ul>
 *   <li>a folder of IDX files ({@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 *       and the same with {@code t10k-} or {@code test-}), images of any size and channels, any number
 *       of classes ({@link IdxFolderReader});</li>
 *   <li>a NumPy {@code .npz} with {@code x_train, y_train, x_test, y_test} ({@link NpzDatasetReader});</li>
 *   <li>a folder with {@code train/} and {@code test/}, each holding one folder of PNG images per class
 *       ({@link ImageFolderReader});</li>
 *   <li>a CSV of 2-D points with a label column ({@link CsvPointsReader}).</li>
 * </ul>
 * Every set is checked on load (both splits non-empty, one sample shape, every class present in training,
 * every label in range) and standardised like the built-in images: {@code x = (raw − mean) / std} with the
 * training split's mean and standard deviation, the same two numbers for the test split.
 */
public final class UserDatasets {

    private UserDatasets() {
    }

    /** True when {@code name} is meant as a path: it contains a separator or ends in a known extension. */
    public static boolean looksLikePath(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.contains("/") || name.contains("\\") || lower.endsWith(".npz") || lower.endsWith(".csv")
                || name.equals(".") || name.equals("..");
    }

    /** Reads the dataset at {@code path}; the dataset's name is the path as given, made absolute. */
    public static Dataset load(Path path, DatasetOptions options) {
        if (!Files.exists(path)) {
            throw new DatasetException("there is no file or folder " + path + "; give a built-in dataset name or "
                    + "the path of your own data (an IDX folder, a .npz, a folder of PNG class folders, a .csv)");
        }
        String name = path.toAbsolutePath().normalize().toString();
        String file = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            if (Files.isDirectory(path.resolve("train"))) {
                return ImageFolderReader.read(path, name, options.seed());
            }
            return IdxFolderReader.read(path, name);
        }
        if (file.endsWith(".npz")) {
            return NpzDatasetReader.read(path, name);
        }
        if (file.endsWith(".csv")) {
            return CsvPointsReader.read(path, name, options.seed());
        }
        throw new DatasetException(path + " is not a dataset MPBN Lab reads: use a .npz, a .csv, a folder of IDX "
                + "files or a folder with train/ and test/ class folders of PNG images (see docs/datasets.md)");
    }

    /**
     * Checks two raw splits and makes them a dataset: standardised with the training split's mean and std
     * (or, for sequences of events, kept as they are).
     *
     * @param classNames one name per class, or null for "0", "1", … up to the largest training label
     * @param dataSteps  0 for static samples, else the frames of a sequence (the first sample dimension)
     */
    static Dataset build(String name, List<String> classNames, RawSplit train, RawSplit test, int dataSteps,
                         DataOrigin origin) {
        String source = origin.location() == null ? name : origin.location();
        if (train.count() == 0) {
            throw new DatasetException(source + ": the training split is empty; it needs samples of every class");
        }
        if (test.count() == 0) {
            throw new DatasetException(source + ": the test split is empty; it needs at least one sample");
        }
        if (!Arrays.equals(train.sampleShape(), test.sampleShape())) {
            throw new DatasetException(source + ": training samples have shape " + Arrays.toString(train.sampleShape())
                    + " but test samples " + Arrays.toString(test.sampleShape()) + "; both splits need one shape");
        }
        int classes = classNames != null ? classNames.size() : 1 + Arrays.stream(train.labels()).max().orElse(0);
        checkLabels(source, "training", train.labels(), classes);
        checkLabels(source, "test", test.labels(), classes);
        int[] counts = new int[classes];
        for (int label : train.labels()) {
            counts[label]++;
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                throw new DatasetException(source + ": class " + (classNames != null ? "'" + classNames.get(c) + "'"
                        : c) + " has no training samples; every class from 0 to " + (classes - 1)
                        + " needs some (labels must be 0, 1, 2, … without gaps)");
            }
        }
        if (classes < 2) {
            throw new DatasetException(source + ": all training samples have the same label; a classifier needs "
                    + "at least 2 classes");
        }
        List<String> names = classNames != null ? classNames : numbered(classes);
        for (RawSplit split : List.of(train, test)) {
            for (float v : split.raw()) {
                if (!Float.isFinite(v)) {
                    throw new DatasetException(source + ": the data holds NaN or infinite values; replace them");
                }
            }
        }
        float[] trainValues = train.raw().clone();
        float[] testValues = test.raw().clone();
        Normalisation normalisation;
        if (dataSteps > 0) {
            normalisation = Normalisation.IDENTITY;
        } else {
            float[] range = range(trainValues, origin.rawDivisor() > 1);
            normalisation = Normalisation.standardise(trainValues, range[0], range[1]);
            normalisation.applyInPlace(testValues);
        }
        return new Dataset(name, names, new DataSplit(trainValues, train.labels(), train.sampleShape(), normalisation),
                new DataSplit(testValues, test.labels(), test.sampleShape(), normalisation), dataSteps, origin);
    }

    private static void checkLabels(String source, String split, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new DatasetException(source + ": " + split + " sample " + i + " has label " + labels[i]
                        + ", out of range: the classes are 0 to " + (classes - 1)
                        + " (the largest training label decides how many there are)");
            }
        }
    }

    /** The intensity range: [0, 1] for pixels, else the training minimum and maximum. */
    private static float[] range(float[] raw, boolean pixels) {
        if (pixels) {
            return new float[] {0f, 1f};
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : raw) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new float[] {min, max > min ? max : min + 1f};
    }

    private static List<String> numbered(int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** The samples of a split in a seeded random order (folders and CSVs list them class by class). */
    static RawSplit shuffled(RawSplit split, long seed) {
        int n = split.count();
        int size = split.raw().length / Math.max(n, 1);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] raw = new float[split.raw().length];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(split.raw(), order[i] * size, raw, i * size, size);
            labels[i] = split.labels()[order[i]];
        }
        return new RawSplit(raw, labels, split.sampleShape());
    }
}
