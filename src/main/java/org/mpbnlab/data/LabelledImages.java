package org.mpbnlab.data;

/**
 * Raw images with their labels, as read from a dataset's files: pixel bytes (0–255), row-major per
 * image, and one label per image.
 *
 * @param pixels      {@code count · Π shape} unsigned bytes
 * @param labels      one label per image, already checked to be below the class count
 * @param sampleShape shape of one image, e.g. {@code [1, 28, 28]} or {@code [3, 32, 32]}
 */
record LabelledImages(byte[] pixels, int[] labels, int[] sampleShape) {

    /** Intensities {@code raw = byte / 255} in [0, 1], to be normalised by the caller. */
    float[] intensities() {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        return values;
    }

    /** Checks every label against the number of classes. */
    static int[] checkedLabels(byte[] raw, int classes, String source) {
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = raw[i] & 0xff;
            if (labels[i] >= classes) {
                throw new DatasetException(source + ": label " + labels[i] + " of sample " + i
                        + " is out of range 0–" + (classes - 1) + "; the file is corrupt");
            }
        }
        return labels;
    }
}
