package org.mpbnlab.cli;

import java.nio.file.Path;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.SavedModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs a saved model on a data set ({@code eval}, {@code predict},
 * {@code record}): {@code --model}, {@code --dataset} (by default the one the model was trained on) and where
 * the data comes from ({@link DataOptions}).
 */
final class SavedModelOptions {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.zip): MPBN, folded or deployable.")
    Path model;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the one the model was trained on): "
            + DatasetArgument.HELP + ".")
    String dataset;

    @Mixin
    DataOptions data = new DataOptions();

    /**
     * A loaded model with its data.
     *
     * @param saved   the model and what its file says about it
     * @param dataset the data set, checked to fit the model (sample shape, number of classes)
     * @param feeder  the inputs the model was trained with ({@link LoadedData#feeder})
     */
    record Loaded(SavedModel saved, Dataset dataset, InputFeeder feeder) {
    }

    /** Loads {@code --model} and the data set it runs on; a clear message for a model or data set that does not fit. */
    Loaded load() throws ModelFileException {
        SavedModel saved = ModelFile.load(model);
        Dataset loaded = LoadedData.forModel(saved, dataset, DatasetRegistry.standard(), data.options());
        return new Loaded(saved, loaded, LoadedData.feeder(saved, loaded));
    }
}
