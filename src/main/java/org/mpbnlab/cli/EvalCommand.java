package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.train.Evaluation;
import org.mpbnlab.train.Evaluator;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval}: test accuracy of a saved model (MPBN, folded or deployable) in evaluation mode. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a saved model on a test set.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.zip).")
    Path model;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (default: the one the model was trained on): " + DatasetArgument.HELP + ".")
    String dataset;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Evaluation batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Checks.require(batch >= 1, "--batch must be at least 1, got " + batch);
        SavedModel saved = ModelFile.load(model);
        Dataset data = LoadedData.forModel(saved, dataset, DatasetRegistry.standard(), this.data.options());
        InputFeeder feeder = LoadedData.feeder(saved, data);
        Evaluation result = Evaluator.evaluate(saved.network(), data.test(), feeder, batch);
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%s on %s: test accuracy %.2f%% (%d samples), loss %.4f",
                model.getFileName(), data.name(), 100 * result.accuracy(), result.samples(), result.loss()));
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("testAccuracy", result.accuracy());
            node.put("samples", result.samples());
            node.put("testLoss", result.loss());
            node.put("dataset", data.name());
            out.println(node);
        }
        out.flush();
        return 0;
    }
}
