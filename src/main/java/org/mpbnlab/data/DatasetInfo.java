package org.mpbnlab.data;

import java.util.List;

/**
 * What the registry knows about a dataset without loading it.
 *
 * @param name          registry name
 * @param kind          built in (generated) or downloaded
 * @param description   one line
 * @param classNames    one name per class
 * @param sampleShape   shape of one sample
 * @param trainSize     default number of training samples
 * @param testSize      default number of test samples
 * @param temporalSteps 0 for static samples, else event frames per sample
 * @param localFolder   where the files are found locally, or {@code null} (always null when built in; the path
 *                      of the user's own data)
 * @param downloadBytes bytes to download when not local (0 when built in)
 */
public record DatasetInfo(String name, Kind kind, String description, List<String> classNames, int[] sampleShape,
                          int trainSize, int testSize, int temporalSteps, String localFolder, long downloadBytes) {

    /** Where a dataset comes from: generated, downloaded on first use, or the user's own files (a path). */
    public enum Kind { BUILTIN, DOWNLOAD, OWN }

    /** What the user's own data set {@code dataset}, just read from {@code path}, is: its shape, classes and splits. */
    public static DatasetInfo ofOwn(Dataset dataset, String path) {
        return new DatasetInfo(dataset.name(), Kind.OWN, "your data set " + path, dataset.classNames(),
                dataset.train().sampleShape(), dataset.train().count(), dataset.test().count(), dataset.temporalSteps(),
                path, 0);
    }

    public DatasetInfo {
        classNames = List.copyOf(classNames);
        sampleShape = sampleShape.clone();
    }

    /** The same data set under another name in messages (e.g. the user's own file by its name, not its path). */
    public DatasetInfo named(String shownName) {
        return new DatasetInfo(shownName, kind, description, classNames, sampleShape, trainSize, testSize, temporalSteps,
                localFolder, downloadBytes);
    }

    public int classes() {
        return classNames.size();
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** True when the dataset can be loaded without network: built in, the user's own, or found locally. */
    public boolean available() {
        return kind != Kind.DOWNLOAD || localFolder != null;
    }
}
