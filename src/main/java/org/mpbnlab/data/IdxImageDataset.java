package org.mpbnlab.data;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST and Fashion-MNIST: four IDX files (gzip-compressed as published, or unpacked), 28×28
 * grayscale images, {@code sampleShape [1, 28, 28]}, 60,000 training and 10,000 test images.
 *
 * <p>Normalisation: pixel bytes become raw intensities {@code byte / 255} in [0, 1], standardised
 * with the mean and standard deviation of the whole training split ({@code x = (raw − mean) / std});
 * the test split uses the same two numbers, kept in {@link DataSplit#normalisation()}.
 *
 * <p>Pinned checksums are the SHA-256 values published in TensorFlow Datasets' checksum lists. For
 * Fashion-MNIST they were verified offline against the bytes of Debian's {@code dataset-fashion-mnist}
 * package (the same deflate streams, with the gzip name field restored). The MNIST pins, for the
 * original files that the ossci mirror serves, could not be verified offline.
 */
public final class IdxImageDataset implements RemoteDataset {

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final int SIDE = 28;

    private final String name;
    private final String description;
    private final List<String> classNames;
    private final URI canonicalBase;
    private final List<RemoteFile> downloads;
    private final List<Path> systemFolders;

    private IdxImageDataset(String name, String description, List<String> classNames, URI canonicalBase,
                            List<RemoteFile> downloads, List<Path> systemFolders) {
        this.name = name;
        this.description = description;
        this.classNames = classNames;
        this.canonicalBase = canonicalBase;
        this.downloads = downloads;
        this.systemFolders = systemFolders;
    }

    /** Handwritten digits, from the ossci mirror of LeCun's files. */
    public static IdxImageDataset mnist() {
        return new IdxImageDataset("mnist", "28×28 handwritten digits (LeCun et al.)",
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                List.of(new RemoteFile(TRAIN_IMAGES + ".gz", 9912422,
                                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                        new RemoteFile(TRAIN_LABELS + ".gz", 28881,
                                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                        new RemoteFile(TEST_IMAGES + ".gz", 1648877,
                                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                        new RemoteFile(TEST_LABELS + ".gz", 4542,
                                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
                List.of());
    }

    /** Zalando's clothing images, from Zalando's own server; also found in Debian's package folder. */
    public static IdxImageDataset fashionMnist() {
        return new IdxImageDataset("fashion-mnist", "28×28 clothing images (Zalando Research)",
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
                URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                List.of(new RemoteFile(TRAIN_IMAGES + ".gz", 26421880,
                                "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                        new RemoteFile(TRAIN_LABELS + ".gz", 29515,
                                "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                        new RemoteFile(TEST_IMAGES + ".gz", 4422102,
                                "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                        new RemoteFile(TEST_LABELS + ".gz", 5148,
                                "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
                List.of(Path.of("/usr/share/datasets/fashion-mnist")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int[] sampleShape() {
        return new int[] {1, SIDE, SIDE};
    }

    @Override
    public int trainSize() {
        return 60_000;
    }

    @Override
    public int testSize() {
        return 10_000;
    }

    @Override
    public URI canonicalBase() {
        return canonicalBase;
    }

    @Override
    public List<RemoteFile> downloads() {
        return downloads;
    }

    @Override
    public List<String> requiredFiles() {
        return List.of(TRAIN_IMAGES + ".gz", TRAIN_LABELS + ".gz", TEST_IMAGES + ".gz", TEST_LABELS + ".gz");
    }

    @Override
    public List<Path> systemFolders() {
        return systemFolders;
    }

    @Override
    public boolean isComplete(Path folder) {
        for (String base : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (file(folder, base) == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void unpack(Path cacheFolder) {
        // the published gzip files are read as they are
    }

    @Override
    public Dataset load(Path folder) {
        LabelledImages train = read(folder, TRAIN_IMAGES, TRAIN_LABELS);
        LabelledImages test = read(folder, TEST_IMAGES, TEST_LABELS);
        float[] trainValues = train.intensities();
        Normalisation normalisation = Normalisation.standardise(trainValues, 0f, 1f);
        float[] testValues = test.intensities();
        normalisation.applyInPlace(testValues);
        return new Dataset(name, classNames,
                new DataSplit(trainValues, train.labels(), sampleShape(), normalisation),
                new DataSplit(testValues, test.labels(), sampleShape(), normalisation), 0);
    }

    /** Reads one images file and its labels file and checks that they fit together. */
    LabelledImages read(Path folder, String imagesBase, String labelsBase) {
        Path imagesFile = require(folder, imagesBase);
        Path labelsFile = require(folder, labelsBase);
        IdxReader.IdxArray images = IdxReader.read(imagesFile, 3);
        if (images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new DatasetException(imagesFile + " holds " + images.dims()[1] + "×" + images.dims()[2]
                    + " images, expected " + SIDE + "×" + SIDE + "; is it a " + name + " file?");
        }
        IdxReader.IdxArray labels = IdxReader.read(labelsFile, 1);
        if (labels.dims()[0] != images.dims()[0]) {
            throw new DatasetException(imagesFile.getFileName() + " holds " + images.dims()[0] + " images but "
                    + labelsFile.getFileName() + " holds " + labels.dims()[0] + " labels; the files do not belong together");
        }
        int[] checked = LabelledImages.checkedLabels(labels.data(), classNames.size(), labelsFile.toString());
        return new LabelledImages(images.data(), checked, sampleShape());
    }

    private Path require(Path folder, String base) {
        Path file = file(folder, base);
        if (file == null) {
            throw new DatasetException(name + ": " + base + ".gz is missing in " + folder);
        }
        return file;
    }

    /** {@code base.gz} or the unpacked {@code base}, whichever exists, else {@code null}. */
    private static Path file(Path folder, String base) {
        Path gzip = folder.resolve(base + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        Path plain = folder.resolve(base);
        return Files.isRegularFile(plain) ? plain : null;
    }
}
