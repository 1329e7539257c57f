package org.mpbnlab.data;

/**
 * The affine map from raw values to the features the network sees, kept with every split so that
 * a caller can show raw values and an encoder can recover intensities.
 *
 * <pre>
 *   x         = (raw − mean) / std                     stored feature
 *   raw       = x · std + mean                         inverse
 *   intensity = clip((raw − rawMin) / (rawMax − rawMin), 0, 1)
 * </pre>
 *
 * Images use {@code rawMin = 0, rawMax = 1} (pixel value / 255), so the intensity of a pixel is its
 * brightness. Point sets keep {@code mean = 0, std = 1} and record the range of their coordinates.
 *
 * @param mean   mean of the raw training values
 * @param std    standard deviation of the raw training values, {@code > 0}
 * @param rawMin raw value that means intensity 0
 * @param rawMax raw value that means intensity 1, {@code > rawMin}
 */
public record Normalisation(float mean, float std, float rawMin, float rawMax) {

    /** Features equal raw values, which are intensities in [0, 1]. */
    public static final Normalisation IDENTITY = new Normalisation(0f, 1f, 0f, 1f);

    public Normalisation {
        if (!(std > 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("normalisation needs a finite mean and std > 0, got mean "
                    + mean + ", std " + std);
        }
        if (!(rawMax > rawMin)) {
            throw new IllegalArgumentException("rawMax " + rawMax + " must exceed rawMin " + rawMin);
        }
    }

    /**
     * Standardises {@code rawValues} in place with their own mean and standard deviation:
     * {@code mean = Σ raw / n}, {@code std = sqrt(Σ (raw − mean)² / n)} (1 if that is 0).
     */
    public static Normalisation standardise(float[] rawValues, float rawMin, float rawMax) {
        double sum = 0;
        for (float v : rawValues) {
            sum += v;
        }
        double mean = rawValues.length == 0 ? 0 : sum / rawValues.length;
        double squares = 0;
        for (float v : rawValues) {
            squares += (v - mean) * (v - mean);
        }
        double std = rawValues.length == 0 ? 1 : Math.sqrt(squares / rawValues.length);
        Normalisation normalisation = new Normalisation((float) mean, std > 1e-12 ? (float) std : 1f,
                rawMin, rawMax);
        normalisation.applyInPlace(rawValues);
        return normalisation;
    }

    /** Replaces each raw value by its feature {@code (raw − mean) / std}. */
    public void applyInPlace(float[] rawValues) {
        for (int i = 0; i < rawValues.length; i++) {
            rawValues[i] = normalise(rawValues[i]);
        }
    }

    /** {@code x = (raw − mean) / std}. */
    public float normalise(float raw) {
        return (raw - mean) / std;
    }

    /** {@code raw = x · std + mean}. */
    public float raw(float feature) {
        return feature * std + mean;
    }

    /** {@code clip((raw − rawMin) / (rawMax − rawMin), 0, 1)} of the raw value behind a feature. */
    public float intensity(float feature) {
        float scaled = (raw(feature) - rawMin) / (rawMax - rawMin);
        return Math.max(0f, Math.min(1f, scaled));
    }
}
