package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.train.EpochMetrics;
import org.mpbnlab.train.LearningRateSchedule;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.RunSettings;
import org.mpbnlab.train.Trainer;
import org.mpbnlab.train.TrainingConfig;
import org.mpbnlab.train.TrainingDivergedException;
import org.mpbnlab.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a preset on a dataset, one line per epoch, optionally saving the model. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a spiking network.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "glyphs", description = "Dataset (default ${DEFAULT-VALUE}): " + DatasetArgument.HELP + ".")
    String dataset;

    @Option(names = "--arch", defaultValue = "mlp", description = "Preset: mlp, conv-small, mlp-2d (default ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = {"--timesteps", "-T"}, defaultValue = "4", description = "Time steps T (default ${DEFAULT-VALUE}).")
    int timeSteps;

    @Mixin
    NeuronOptions neuron = new NeuronOptions();

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--encoder", description = "Input encoding: direct, rate, latency, events (default: the dataset's).")
    String encoder;

    @Option(names = "--epochs", defaultValue = "1", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd or adam (default ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", description = "L2 weight decay on Dense/Conv weights (default 5e-4 for sgd, 0 for adam).")
    Double weightDecay;

    @Option(names = "--schedule", defaultValue = "cosine", description = "constant or cosine (default ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of weights, shuffling and encoders (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained model to FILE (.zip).")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Checks.oneOf("--arch", arch, Presets.NAMES);
        Checks.require(timeSteps >= 1 && timeSteps <= 64, "--timesteps must be between 1 and 64, got " + timeSteps);
        Checks.require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        Checks.require(batch >= 2, "--batch must be at least 2, got " + batch);
        Checks.oneOf("--optimizer", optimizer, List.of("sgd", "adam"));
        Checks.positive("--lr", lr);
        Checks.oneOf("--schedule", schedule, List.of("constant", "cosine"));
        double decay = weightDecay != null ? weightDecay : "sgd".equals(optimizer) ? 5e-4 : 0.0;
        Checks.require(decay >= 0, "--weight-decay must be zero or positive, got " + decay);
        DatasetRegistry registry = DatasetRegistry.standard();
        DatasetArgument.check("--dataset", dataset, registry);
        TrainingConfig config = new TrainingConfig(epochs, batch, optimizer, lr, decay,
                LearningRateSchedule.byId(schedule), seed);
        RunSettings settings = new RunSettings(dataset, arch, timeSteps, neuron.lif(), neuron.mpbn(), encoder, config);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        TrainingRun run = TrainingRun.create(settings, registry, data.options());
        Trainer trainer = run.trainer();
        ProgressBar bar = new ProgressBar(stderr, System.console() != null);
        int reported = 0;
        try {
            while (!trainer.finished()) {
                var result = trainer.trainBatch();
                long inEpoch = (result.iteration() - 1) % trainer.batchesPerEpoch() + 1;
                bar.update("epoch " + result.epoch() + "/" + epochs, inEpoch, trainer.batchesPerEpoch(),
                        String.format(Locale.ROOT, "loss %.4f", result.loss()));
                List<EpochMetrics> history = trainer.history();
                if (history.size() > reported) {
                    bar.clear();
                    EpochMetrics m = history.get(history.size() - 1);
                    stdout.println(String.format(Locale.ROOT,
                            "epoch %d/%d  train loss %.4f  train acc %.2f%%  test loss %.4f  test acc %.2f%%  %.0f samples/s",
                            m.epoch(), epochs, m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(),
                            100 * m.testAccuracy(), m.trainSamplesPerSecond()));
                    stdout.flush();
                    reported = history.size();
                }
            }
        } catch (TrainingDivergedException e) {
            bar.clear();
            if (out != null) {
                ModelFile.save(out, run.network(), run.info());
                stderr.println("saved the last good weights to " + out);
            }
            throw e;
        }
        if (out != null) {
            ModelFile.save(out, run.network(), run.info());
            stdout.println("saved " + out);
        }
        if (json) {
            stdout.println(summary(run));
        }
        stdout.flush();
        return 0;
    }

    private String summary(TrainingRun run) {
        List<EpochMetrics> history = run.trainer().history();
        ObjectNode node = Json.MAPPER.createObjectNode();
        EpochMetrics last = history.get(history.size() - 1);
        node.put("testAccuracy", last.testAccuracy());
        ArrayNode acc = node.putArray("testAccuracyPerEpoch");
        ArrayNode loss = node.putArray("trainLossPerEpoch");
        history.forEach(m -> {
            acc.add(m.testAccuracy());
            loss.add(m.trainLoss());
        });
        node.put("trainSamplesPerSecond", history.stream().mapToDouble(EpochMetrics::trainSamplesPerSecond).average()
                .orElse(0));
        node.put("seed", seed);
        node.put("dataset", dataset);
        node.put("arch", arch);
        node.put("timesteps", timeSteps);
        node.put("mpbn", neuron.mpbn);
        node.put("epochs", epochs);
        return node.toString();
    }
}
