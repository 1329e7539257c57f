package org.mpbnlab.data;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All datasets by name: the built-in generators ({@code spirals, moons, circles, xor, blobs, glyphs,
 * moving-bars}) and the real sets ({@code mnist, fashion-mnist, cifar10}), which are found locally
 * (see {@link DatasetLocator}) or downloaded on demand into the user cache.
 */
public final class DatasetRegistry {

    public static final String MIRROR_VARIABLE = "MPBN_DATASET_MIRROR";

    private final Map<String, BuiltinGenerator> builtins = new LinkedHashMap<>();
    private final Map<String, RemoteDataset> remotes = new LinkedHashMap<>();
    private final Downloader downloader;
    private final Map<String, String> environment;
    private final Path home;

    /**
     * @param downloader  fetches missing files
     * @param environment environment variables ({@code MPBN_DATA_DIR}, {@code XDG_CACHE_HOME},
     *                    {@code MPBN_DATASET_MIRROR})
     * @param home        the user's home folder
     */
    public DatasetRegistry(Downloader downloader, Map<String, String> environment, Path home) {
        this.downloader = downloader;
        this.environment = Map.copyOf(environment);
        this.home = home;
        for (PlanarShape shape : PlanarShape.values()) {
            add(new PlanarGenerator(shape));
        }
        add(new GlyphGenerator());
        add(new MovingBarsGenerator());
        add(IdxImageDataset.mnist());
        add(IdxImageDataset.fashionMnist());
        add(new Cifar10Dataset());
    }

    /** The registry of this process's user and environment. */
    public static DatasetRegistry standard() {
        return new DatasetRegistry(new Downloader(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private void add(BuiltinGenerator generator) {
        builtins.put(generator.name(), generator);
    }

    private void add(RemoteDataset dataset) {
        remotes.put(dataset.name(), dataset);
    }

    /** All names, built-in first. */
    public List<String> names() {
        List<String> names = new ArrayList<>(builtins.keySet());
        names.addAll(remotes.keySet());
        return names;
    }

    /** Everything known about every dataset, with local folders looked up as by {@code options}. */
    public List<DatasetInfo> list(DatasetOptions options) {
        List<DatasetInfo> infos = new ArrayList<>();
        for (String name : names()) {
            infos.add(info(name, options));
        }
        return infos;
    }

    public List<DatasetInfo> list() {
        return list(DatasetOptions.defaults());
    }

    /** Information about one dataset; unknown names are rejected with the list of known ones. */
    public DatasetInfo info(String name, DatasetOptions options) {
        BuiltinGenerator generator = builtins.get(name);
        if (generator != null) {
            GeneratorOptions defaults = generator.defaults(options.seed());
            return new DatasetInfo(name, DatasetInfo.Kind.BUILTIN, generator.description(), generator.classNames(),
                    generator.sampleShape(), defaults.trainSize(), defaults.testSize(), generator.temporalSteps(),
                    null, 0);
        }
        RemoteDataset remote = remote(name);
        Optional<Path> local = locator(options).find(remote);
        return new DatasetInfo(name, DatasetInfo.Kind.DOWNLOAD, remote.description(), remote.classNames(),
                remote.sampleShape(), remote.trainSize(), remote.testSize(), 0,
                local.map(Path::toString).orElse(null), remote.downloadBytes());
    }

    /**
     * Makes or reads the dataset {@code name}, downloading a real one first if it is not local; a name that is
     * the path of a file or folder reads the user's own data ({@link UserDatasets}).
     */
    public Dataset load(String name, DatasetOptions options) {
        BuiltinGenerator generator = builtins.get(name);
        Dataset dataset;
        int trainLimit = options.trainSize();
        int testLimit = options.testSize();
        if (generator != null) {
            GeneratorOptions defaults = generator.defaults(options.seed());
            dataset = generator.generate(new GeneratorOptions(
                    options.trainSize() > 0 ? options.trainSize() : defaults.trainSize(),
                    options.testSize() > 0 ? options.testSize() : defaults.testSize(),
                    Double.isNaN(options.noise()) ? defaults.noise() : options.noise(),
                    options.seed()));
            trainLimit = 0;
            testLimit = 0;
        } else if (!remotes.containsKey(name) && (UserDatasets.looksLikePath(name) || Files.exists(Path.of(name)))) {
            dataset = UserDatasets.load(Path.of(name), options);
        } else {
            RemoteDataset remote = remote(name);
            Path folder = fetch(name, options);
            dataset = remote.load(folder).withOrigin(DataOrigin.pixels("downloaded",
                    remote instanceof Cifar10Dataset ? "cifar" : "idx", folder.toAbsolutePath().toString()));
        }
        return limited(dataset, smallest(trainLimit, options.limit()), smallest(testLimit, options.limit()));
    }

    /**
     * Makes sure the files of real dataset {@code name} are local, downloading them into the cache if
     * needed, and returns their folder.
     */
    public Path fetch(String name, DatasetOptions options) {
        if (builtins.containsKey(name)) {
            throw new DatasetException(name + " is built in and needs no download");
        }
        RemoteDataset remote = remote(name);
        DatasetLocator locator = locator(options);
        locator.requireDataDir();
        Optional<Path> local = locator.find(remote);
        if (local.isPresent()) {
            return local.get();
        }
        Path cache = locator.cacheFolder(name);
        List<RemoteFile> missing = remote.downloads().stream()
                .filter(file -> !Files.isRegularFile(cache.resolve(file.fileName()))).toList();
        if (!missing.isEmpty() && !options.allowDownload()) {
            throw missing(remote, locator, "downloads are switched off");
        }
        URI base = base(remote, options);
        for (RemoteFile file : missing) {
            try {
                downloader.download(base.resolve(file.fileName()), cache.resolve(file.fileName()), file,
                        options.progress());
            } catch (DatasetException e) {
                throw missing(remote, locator, e.getMessage());
            }
        }
        remote.unpack(cache);
        if (!remote.isComplete(cache)) {
            throw missing(remote, locator, "the downloaded files are incomplete");
        }
        return cache;
    }

    /** The publisher's URL, or {@code <mirror>/<name>/} when a mirror is set by option or environment. */
    URI base(RemoteDataset remote, DatasetOptions options) {
        String mirror = options.mirror() != null ? options.mirror() : environment.get(MIRROR_VARIABLE);
        if (mirror == null || mirror.isBlank()) {
            return remote.canonicalBase();
        }
        String trimmed = mirror.endsWith("/") ? mirror : mirror + "/";
        try {
            URI uri = URI.create(trimmed + remote.name() + "/");
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DatasetException("dataset mirror '" + mirror + "' is not an http(s) URL; set "
                    + MIRROR_VARIABLE + " to e.g. http://server/datasets");
        }
    }

    private DatasetLocator locator(DatasetOptions options) {
        return new DatasetLocator(options.dataDir(), environment, home);
    }

    private RemoteDataset remote(String name) {
        RemoteDataset remote = remotes.get(name);
        if (remote == null) {
            throw new DatasetException("unknown dataset '" + name + "'; choose one of " + String.join(", ", names())
                    + ", or give the path of your own data (an IDX folder, a .npz, a folder of PNG class folders, a .csv)");
        }
        return remote;
    }

    private static DatasetException missing(RemoteDataset remote, DatasetLocator locator, String reason) {
        List<String> downloads = remote.downloads().stream().map(RemoteFile::fileName).toList();
        String archive = downloads.equals(remote.requiredFiles()) ? ""
                : " (or the download " + String.join(", ", downloads) + ")";
        return new DatasetException(remote.name() + " is not available offline and could not be downloaded ("
                + reason + "). Put " + String.join(", ", remote.requiredFiles()) + archive + " into "
                + locator.cacheFolder(remote.name()) + " (or into a folder given by --data-dir or "
                + DatasetLocator.DATA_DIR_VARIABLE + "), or set " + MIRROR_VARIABLE + " to a reachable mirror");
    }

    private static int smallest(int a, int b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }

    private static Dataset limited(Dataset dataset, int trainLimit, int testLimit) {
        if (trainLimit == 0 && testLimit == 0) {
            return dataset;
        }
        DataSplit train = trainLimit > 0 ? dataset.train().limit(trainLimit) : dataset.train();
        DataSplit test = testLimit > 0 ? dataset.test().limit(testLimit) : dataset.test();
        return new Dataset(dataset.name(), dataset.classNames(), train, test, dataset.temporalSteps(),
                dataset.origin());
    }
}
