package org.mpbnlab.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CIFAR-10, binary version: {@code data_batch_1.bin} … {@code data_batch_5.bin} (50,000 training
 * images) and {@code test_batch.bin} (10,000), 32×32 colour, {@code sampleShape [3, 32, 32]}. The
 * files are looked for in a folder itself or in its {@code cifar-10-batches-bin} subfolder (as the
 * archive unpacks). A download fetches {@code cifar-10-binary.tar.gz} and unpacks the six batches.
 *
 * <p>Normalisation: raw intensities {@code byte / 255} are standardised with one mean and standard
 * deviation over all pixels and channels of the training split; the test split uses the same numbers.
 *
 * <p>The archive's SHA-256 pin is the value published in TensorFlow Datasets' checksum list; it could
 * not be verified offline here.
 */
public final class Cifar10Dataset implements RemoteDataset {

    static final String ARCHIVE = "cifar-10-binary.tar.gz";
    static final String SUBFOLDER = "cifar-10-batches-bin";
    static final List<String> TRAIN_BATCHES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_BATCH = "test_batch.bin";

    @Override
    public String name() {
        return "cifar10";
    }

    @Override
    public String description() {
        return "32×32 colour photos of 10 object classes (Krizhevsky)";
    }

    @Override
    public List<String> classNames() {
        return List.of("airplane", "automobile", "bird", "cat", "deer",
                "dog", "frog", "horse", "ship", "truck");
    }

    @Override
    public int[] sampleShape() {
        return new int[] {3, 32, 32};
    }

    @Override
    public int trainSize() {
        return 50_000;
    }

    @Override
    public int testSize() {
        return 10_000;
    }

    @Override
    public URI canonicalBase() {
        return URI.create("https://www.cs.toronto.edu/~kriz/");
    }

    @Override
    public List<RemoteFile> downloads() {
        return List.of(new RemoteFile(ARCHIVE, 170052171,
                "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"));
    }

    @Override
    public List<String> requiredFiles() {
        List<String> files = new ArrayList<>(TRAIN_BATCHES);
        files.add(TEST_BATCH);
        return files;
    }

    @Override
    public List<Path> systemFolders() {
        return List.of();
    }

    @Override
    public boolean isComplete(Path folder) {
        return batchFolder(folder) != null;
    }

    @Override
    public void unpack(Path cacheFolder) {
        Path archive = cacheFolder.resolve(ARCHIVE);
        if (!Files.isRegularFile(archive) || isComplete(cacheFolder)) {
            return;
        }
        Set<String> wanted = new HashSet<>(requiredFiles());
        Set<String> found = TarExtractor.extract(archive, cacheFolder, wanted);
        if (!found.containsAll(wanted)) {
            wanted.removeAll(found);
            throw new DatasetException(archive + " lacks " + wanted + "; delete it and download again");
        }
        try {
            Files.delete(archive);
        } catch (IOException e) {
            // the batches are in place; the archive only wastes space
        }
    }

    @Override
    public Dataset load(Path folder) {
        Path batches = batchFolder(folder);
        if (batches == null) {
            throw new DatasetException("cifar10: " + requiredFiles() + " are not all in " + folder);
        }
        LabelledImages[] parts = new LabelledImages[TRAIN_BATCHES.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = CifarReader.read(batches.resolve(TRAIN_BATCHES.get(i)));
        }
        LabelledImages train = CifarReader.concat(parts);
        LabelledImages test = CifarReader.read(batches.resolve(TEST_BATCH));
        float[] trainValues = train.intensities();
        Normalisation normalisation = Normalisation.standardise(trainValues, 0f, 1f);
        float[] testValues = test.intensities();
        normalisation.applyInPlace(testValues);
        return new Dataset(name(), classNames(),
                new DataSplit(trainValues, train.labels(), sampleShape(), normalisation),
                new DataSplit(testValues, test.labels(), sampleShape(), normalisation), 0);
    }

    /** The folder holding all six batches: {@code folder} or its {@code cifar-10-batches-bin}, else null. */
    private Path batchFolder(Path folder) {
        for (Path candidate : List.of(folder, folder.resolve(SUBFOLDER))) {
            if (requiredFiles().stream().allMatch(f -> Files.isRegularFile(candidate.resolve(f)))) {
                return candidate;
            }
        }
        return null;
    }
}
