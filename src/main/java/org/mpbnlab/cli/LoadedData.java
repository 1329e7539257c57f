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
                + Arrays.toString(dataset.frameShape()) + " but the model expects " + Arrays.toString(expected));
        Checks.require(dataset.numClasses() == saved.network().spec().classes(), "dataset " + name + " has "
                + dataset.numClasses() + " classes but the model predicts " + saved.network().spec().classes());
        return dataset;
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
