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
 * @param localFolder   where the files are found locally, or {@code null} (always null when built in)
 * @param downloadBytes bytes to download when not local (0 when built in)
 */
public record DatasetInfo(String name, Kind kind, String description, List<String> classNames, int[] sampleShape,
                          int trainSize, int testSize, int temporalSteps, String localFolder, long downloadBytes) {

    /** Where a dataset comes from. */
    public enum Kind { BUILTIN, DOWNLOAD }

    public DatasetInfo {
        classNames = List.copyOf(classNames);
        sampleShape = sampleShape.clone();
    }

    public int classes() {
        return classNames.size();
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** True when the dataset can be loaded without network: built in, or found locally. */
    public boolean available() {
        return kind == Kind.BUILTIN || localFolder != null;
    }
}
