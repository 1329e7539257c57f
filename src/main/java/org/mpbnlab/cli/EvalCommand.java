package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.train.Evaluation;
import org.mpbnlab.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval}: test accuracy of a saved model (MPBN, folded or deployable) in evaluation mode. */
@Command(name = "eval", mixinStandardHelpOptions = true, modelTransformer = LimitHelp.class, description = "Evaluate a saved model on a test set.")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SavedModelOptions input = new SavedModelOptions();

    @Mixin
    BatchOption batch = new BatchOption();

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int batchSize = batch.size();
        SavedModelOptions.Loaded loaded = input.load();
        Dataset data = loaded.dataset();
        Evaluation result = Evaluator.evaluate(loaded.saved().network(), data.test(), loaded.feeder(), batchSize);
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%s on %s: test accuracy %.2f%% (%d samples), loss %.4f",
                input.model.getFileName(), data.name(), 100 * result.accuracy(), result.samples(), result.loss()));
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
