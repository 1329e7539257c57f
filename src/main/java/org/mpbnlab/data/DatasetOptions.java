package org.mpbnlab.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to load a dataset. Zero sizes and a NaN noise mean "the dataset's default".
 *
 * @param seed          seed of the built-in generators
 * @param trainSize     training samples to generate (built-in) or keep at most (real sets); 0 = default
 * @param testSize      test samples, like {@code trainSize}
 * @param noise         generator noise; NaN = the generator's default
 * @param limit         keep at most this many samples of each split, for quick runs; 0 = all
 * @param dataDir       folder with dataset files, or {@code null} for {@code MPBN_DATA_DIR}
 * @param mirror        base URL replacing the publishers' servers, or {@code null} for
 *                      {@code MPBN_DATASET_MIRROR}; a file is fetched from {@code mirror/<name>/<file>}
 * @param progress      receives download progress
 * @param allowDownload false to fail instead of downloading a missing real dataset
 */
public record DatasetOptions(long seed, int trainSize, int testSize, double noise, int limit, Path dataDir,
                             String mirror, ProgressListener progress, boolean allowDownload) {

    public static final long DEFAULT_SEED = 42;

    public DatasetOptions {
        if (trainSize < 0 || testSize < 0 || limit < 0) {
            throw new DatasetException("sizes and limit must be ≥ 0 (0 = default), got train " + trainSize
                    + ", test " + testSize + ", limit " + limit);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** Seed 42, default sizes and noise, no limit, folders from the environment, downloads allowed. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_SEED, 0, 0, Double.NaN, 0, null, null, ProgressListener.NONE, true);
    }

    public DatasetOptions withSeed(long newSeed) {
        return new DatasetOptions(newSeed, trainSize, testSize, noise, limit, dataDir, mirror, progress, allowDownload);
    }

    public DatasetOptions withSizes(int newTrainSize, int newTestSize) {
        return new DatasetOptions(seed, newTrainSize, newTestSize, noise, limit, dataDir, mirror, progress,
                allowDownload);
    }

    public DatasetOptions withNoise(double newNoise) {
        return new DatasetOptions(seed, trainSize, testSize, newNoise, limit, dataDir, mirror, progress, allowDownload);
    }

    public DatasetOptions withLimit(int newLimit) {
        return new DatasetOptions(seed, trainSize, testSize, noise, newLimit, dataDir, mirror, progress, allowDownload);
    }

    public DatasetOptions withDataDir(Path newDataDir) {
        return new DatasetOptions(seed, trainSize, testSize, noise, limit, newDataDir, mirror, progress, allowDownload);
    }

    public DatasetOptions withMirror(String newMirror) {
        return new DatasetOptions(seed, trainSize, testSize, noise, limit, dataDir, newMirror, progress, allowDownload);
    }

    public DatasetOptions withProgress(ProgressListener newProgress) {
        return new DatasetOptions(seed, trainSize, testSize, noise, limit, dataDir, mirror, newProgress, allowDownload);
    }

    public DatasetOptions withAllowDownload(boolean newAllowDownload) {
        return new DatasetOptions(seed, trainSize, testSize, noise, limit, dataDir, mirror, progress, newAllowDownload);
    }
}
