package org.mpbnlab.train;

import java.util.Arrays;
import java.util.List;
import org.mpbnlab.data.DataOrigin;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.LatencyEncoder;
import org.mpbnlab.data.Normalisation;

/**
 * How the network's input was made, so that an outside program can feed a saved model exactly what the
 * Lab fed it (the {@code input} field of {@code model.json}, see {@code docs/model-format.md}):
 * <pre>
 *   raw     = stored value / rawDivisor                    (origin)
 *   feature = (raw − mean[c]) / std[c]                      (c = the channel)
 *   input   = encoder(feature) over timeSteps steps         (direct: the same feature at every step)
 * </pre>
 *
 * @param dataset      the dataset's name, or for the user's own data the path it was read from
 * @param origin       where the samples came from
 * @param classNames   one name per class, in label order
 * @param sampleShape  one sample as stored: {@code [F]}, {@code [C, H, W]} or, for sequences, with the data's
 *                     steps first
 * @param dataSteps    0 for static samples, else the number of frames of a sequence
 * @param timeSteps    T, the steps the network runs
 * @param mean         per channel (the Lab uses one value for all channels, repeated)
 * @param std          per channel, each &gt; 0
 * @param intensityMin the raw value that the rate and latency codes read as intensity 0
 * @param intensityMax the raw value read as intensity 1
 * @param encoder      {@code direct}, {@code rate}, {@code latency} or {@code events}
 */
public record InputDescription(String dataset, DataOrigin origin, List<String> classNames, int[] sampleShape,
                               int dataSteps, int timeSteps, double[] mean, double[] std, double intensityMin,
                               double intensityMax, String encoder) {

    public InputDescription {
        classNames = List.copyOf(classNames);
        sampleShape = sampleShape.clone();
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need one value per channel, got " + mean.length
                    + " and " + std.length);
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("every std must be positive, got " + s);
            }
        }
        if (!(intensityMax > intensityMin)) {
            throw new IllegalArgumentException("intensityMax must exceed intensityMin");
        }
    }

    /** The description of {@code dataset} fed by {@code encoder} for {@code timeSteps} steps. */
    public static InputDescription of(Dataset dataset, Encoder encoder, int timeSteps) {
        Normalisation n = dataset.normalisation();
        int[] frame = dataset.frameShape();
        int channels = frame.length == 3 ? frame[0] : 1;
        double[] mean = new double[channels];
        double[] std = new double[channels];
        Arrays.fill(mean, n.mean());
        Arrays.fill(std, n.std());
        return new InputDescription(dataset.name(), dataset.origin(), dataset.classNames(),
                dataset.train().sampleShape(), dataset.temporalSteps(), timeSteps, mean, std, n.rawMin(), n.rawMax(),
                encoder.name());
    }

    /** The latency code's cut-off: intensities below it never spike. */
    public static double latencySilentBelow() {
        return LatencyEncoder.SILENT_BELOW;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputDescription o && dataset.equals(o.dataset) && origin.equals(o.origin)
                && classNames.equals(o.classNames) && Arrays.equals(sampleShape, o.sampleShape)
                && dataSteps == o.dataSteps && timeSteps == o.timeSteps && Arrays.equals(mean, o.mean)
                && Arrays.equals(std, o.std) && intensityMin == o.intensityMin && intensityMax == o.intensityMax
                && encoder.equals(o.encoder);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dataset, origin, classNames, Arrays.hashCode(sampleShape), dataSteps, timeSteps,
                Arrays.hashCode(mean), encoder);
    }

    @Override
    public String toString() {
        return "InputDescription[" + dataset + ", " + origin + ", shape " + Arrays.toString(sampleShape) + ", T "
                + timeSteps + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ", " + encoder + "]";
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
