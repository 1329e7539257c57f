package org.mpbnlab.data;

/**
 * One split of a user's dataset as read from its files, before normalisation: raw values (already
 * divided by the origin's raw divisor, e.g. pixel bytes / 255) and labels.
 *
 * @param raw         {@code count · Π sampleShape} raw values, row-major
 * @param labels      one class index per sample (checked by {@link UserDatasets#build})
 * @param sampleShape shape of one sample
 */
record RawSplit(float[] raw, int[] labels, int[] sampleShape) {

    int count() {
        return labels.length;
    }
}
