package org.mpbnlab.cli;

import java.util.Arrays;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.SavedModel;

/** Loads the dataset a saved model is evaluated on, and checks that the model can read it. */
final class LoadedData {

    private LoadedData() {
    }

    /** The data set of {@code --dataset} (or {@code saved}'s own when not given), checked against the model. */
    static Dataset forModel(SavedModel saved, String requested, DatasetRegistry registry, DatasetOptions options) {
        return forModel(saved, "--dataset", requested, registry, options);
    }

    /** As {@link #forModel(SavedModel, String, DatasetRegistry, DatasetOptions)}; messages name {@code option}. */
    static Dataset forModel(SavedModel saved, String option, String requested, DatasetRegistry registry,
            DatasetOptions options) {
        String name = requested != null ? requested : saved.info().dataset();
        Checks.require(name != null && !name.isBlank(), option + " is required: the model does not say which it was trained on");
        Dataset dataset = DatasetArgument.load(option, name, registry, options);
        int[] expected = saved.network().spec().inputShape();
        Checks.require(Arrays.equals(expected, dataset.frameShape()), "dataset " + name + " has samples of shape "
                + Arrays.toString(dataset.frameShape()) + " but the model expects " + Arrays.toString(expected)
                + advice(saved, option, "samples of shape " + Arrays.toString(expected)));
        int classes = saved.network().spec().classes();
        Checks.require(dataset.numClasses() == classes, "dataset " + name + " has " + dataset.numClasses()
                + " classes but the model predicts " + classes + advice(saved, option, classes + " classes"));
        return dataset;
    }

    /**
     * What to give instead of a data set that does not fit: the one the model was trained on, when it says,
     * or any with {@code what}, e.g. "; give --dataset glyphs (the one it was trained on) or another with 10 classes".
     */
    private static String advice(SavedModel saved, String option, String what) {
        String trainedOn = saved.info().dataset();
        if (trainedOn == null || trainedOn.isBlank()) {
            return "; give " + option + " a data set with " + what;
        }
        return "; give " + option + " " + trainedOn + " (the one it was trained on) or another with " + what;
    }

    /**
     * The inputs {@code saved} was trained with, for {@code dataset}: the model's encoder (or the data set's
     * default when the model names none) seeded with the model's seed, so that every command feeds the model
     * the same spike trains.
     */
    static InputFeeder feeder(SavedModel saved, Dataset dataset) {
        String name = saved.info().encoder();
        Encoder encoder = name == null || name.isBlank() ? Encoders.defaultFor(dataset) : Encoders.byName(name);
        Encoders.requireCompatible(encoder, dataset);
        return new InputFeeder(encoder, saved.info().seed());
    }
}
