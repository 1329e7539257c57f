package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.train.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: a saved model's logits, predicted class and the true label for every sample of a split,
 * written as a NumPy {@code .npz} ({@code logits} float32 N×K, {@code predictions} and {@code labels} int32 N)
 * or a CSV ({@code index,label,prediction,logit_0,…}), for comparison with other tools.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, modelTransformer = LimitHelp.class,
        description = "Write a saved model's logits, predictions and labels for every sample (.npz or .csv).")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SavedModelOptions input = new SavedModelOptions();

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "test or train (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write: a .npz or a .csv.")
    Path out;

    @Mixin
    BatchOption batch = new BatchOption();

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int batchSize = batch.size();
        Checks.oneOf("--split", split, java.util.List.of("test", "train"));
        PredictionFile.Format format = PredictionFile.formatOf(out);
        OutputFile.requireWritable(out, "p.npz");
        SavedModelOptions.Loaded loaded = input.load();
        Dataset data = loaded.dataset();
        DataSplit samples = "train".equals(split) ? data.train() : data.test();
        Predictions predictions = Predictions.of(loaded.saved().network(), samples, loaded.feeder(), batchSize);
        PredictionFile.write(out, format, predictions);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "wrote %s: %d samples of %s (%s split), %d classes, accuracy %.2f%%",
                out, predictions.count(), data.name(), split, predictions.classes(), 100 * predictions.accuracy()));
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("out", out.toString());
            node.put("samples", predictions.count());
            node.put("classes", predictions.classes());
            node.put("accuracy", predictions.accuracy());
            node.put("dataset", data.name());
            node.put("split", split);
            stdout.println(node);
        }
        stdout.flush();
        return 0;
    }
}
