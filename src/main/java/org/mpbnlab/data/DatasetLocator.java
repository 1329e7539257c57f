package org.mpbnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the files of a real dataset are looked for, in this order:
 * <ol>
 *   <li>the data folder given by option, else by the environment variable {@code MPBN_DATA_DIR}:
 *       first its subfolder named after the dataset, then the folder itself;</li>
 *   <li>the user cache, {@code $XDG_CACHE_HOME/mpbn-lab/datasets/<name>} or, without that variable,
 *       {@code ~/.cache/mpbn-lab/datasets/<name>} (where downloads go);</li>
 *   <li>system folders of the dataset, e.g. Debian's {@code /usr/share/datasets/fashion-mnist}.</li>
 * </ol>
 */
public final class DatasetLocator {

    public static final String DATA_DIR_VARIABLE = "MPBN_DATA_DIR";

    private final Path dataDir;
    private final Path cacheRoot;

    /**
     * @param dataDir     folder given by option, or {@code null} to use {@code MPBN_DATA_DIR}
     * @param environment environment variables (e.g. {@code System.getenv()})
     * @param home        the user's home folder
     */
    public DatasetLocator(Path dataDir, Map<String, String> environment, Path home) {
        String fromEnvironment = environment.get(DATA_DIR_VARIABLE);
        this.dataDir = dataDir != null ? dataDir
                : (fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment) : null);
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cacheBase = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        this.cacheRoot = cacheBase.resolve("mpbn-lab").resolve("datasets");
    }

    /** A locator for this process's environment and user. */
    public static DatasetLocator forCurrentUser(Path dataDir) {
        return new DatasetLocator(dataDir, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folder downloads of {@code name} go to. */
    public Path cacheFolder(String name) {
        return cacheRoot.resolve(name);
    }

    /** Every folder searched for {@code dataset}, in order. */
    public List<Path> searchFolders(RemoteDataset dataset) {
        List<Path> folders = new ArrayList<>();
        if (dataDir != null) {
            folders.add(dataDir.resolve(dataset.name()));
            folders.add(dataDir);
        }
        folders.add(cacheFolder(dataset.name()));
        folders.addAll(dataset.systemFolders());
        return folders;
    }

    /**
     * Refuses a data folder (given by option or {@code MPBN_DATA_DIR}) that does not exist, instead of
     * silently looking elsewhere: called before a dataset is loaded.
     */
    public void requireDataDir() {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new DatasetException("the data folder " + dataDir + " (from --data-dir or " + DATA_DIR_VARIABLE
                    + ") does not exist; create it, or point it at the folder that holds the dataset files");
        }
    }

    /** The first searched folder that holds the complete dataset. */
    public Optional<Path> find(RemoteDataset dataset) {
        return searchFolders(dataset).stream().filter(dataset::isComplete).findFirst();
    }
}
