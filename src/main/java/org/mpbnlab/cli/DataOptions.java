package org.mpbnlab.cli;

import java.nio.file.Path;
import org.mpbnlab.data.DatasetOptions;
import picocli.CommandLine.Option;

/** Where data comes from and how much of it to use ({@link LimitHelp} says what {@code --limit} limits per command). */
final class DataOptions {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Load at most the first N samples of each split (0 = all).")
    int limit;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with dataset files (else MPBN_DATA_DIR, the cache).")
    Path dataDir;

    @Option(names = "--data-seed", paramLabel = "N", defaultValue = "42", description = "Seed of the built-in generators (default ${DEFAULT-VALUE}).")
    long dataSeed;

    DatasetOptions options() {
        Checks.require(limit >= 0, "--limit must be 0 (all) or a positive number, got " + limit);
        checkDataDir(dataDir);
        return DatasetOptions.defaults().withSeed(dataSeed).withLimit(limit).withDataDir(dataDir);
    }

    /** A {@code --data-dir} must be a folder when given. */
    static void checkDataDir(Path dataDir) {
        Checks.require(dataDir == null || java.nio.file.Files.isDirectory(dataDir), "--data-dir " + dataDir
                + (java.nio.file.Files.exists(dataDir == null ? Path.of("") : dataDir) ? " is a file, not a folder"
                : " does not exist") + "; give the folder that holds the dataset files");
    }
}
