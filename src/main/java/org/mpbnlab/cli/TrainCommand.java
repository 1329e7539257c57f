package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.train.EpochMetrics;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.Trainer;
import org.mpbnlab.train.TrainingDivergedException;
import org.mpbnlab.train.TrainingRun;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingNames;
import org.mpbnlab.train.settings.SettingsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains a preset on a dataset, one line per epoch, optionally saving the model. The run's
 * options are the settings table's ({@link RunSettingsOptions}); the run is built by {@link RunFactory},
 * as the app builds its runs.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a spiking network.",
        modelTransformer = RunSettingsOptions.class, sortOptions = false)
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N",
            description = "Shorthand for --train-samples N --test-samples N (a quick subset).")
    Integer limit;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with dataset files (else MPBN_DATA_DIR, the cache).")
    Path dataDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained model to FILE (.zip).")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = settingsGiven();
        DataOptions.checkDataDir(dataDir);
        if (out != null) {
            OutputFile.requireWritable(out, "m.zip");
            OutputFile.requireExtension(out, ".zip", "a model file");
        }
        DatasetRegistry registry = DatasetRegistry.standard();
        DatasetOptions base = DatasetOptions.defaults().withDataDir(dataDir);
        if (registry.names().contains(settings.dataset())) {
            // a built-in or downloadable set: refused before anything is loaded or downloaded
            refuse(RunFactory.problem(settings, registry.info(settings.dataset(), base), SettingNames.COMMAND_LINE));
        }
        Dataset data = DatasetArgument.readingOwnData(settings.dataset(), registry,
                () -> RunFactory.loadData(settings, registry, base));
        refuse(RunFactory.problem(settings, data, SettingNames.COMMAND_LINE));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        TrainingRun run = RunFactory.create(settings, data);
        int epochs = settings.epochs();
        List<Double> batchLosses = new ArrayList<>();
        Trainer trainer = run.trainer();
        ProgressBar bar = new ProgressBar(stderr, System.console() != null);
        int reported = 0;
        try {
            while (!trainer.finished()) {
                var result = trainer.trainBatch();
                batchLosses.add(result.loss());
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
            stdout.println(summary(run, batchLosses));
        }
        stdout.flush();
        return 0;
    }

    private static void refuse(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** The run settings of the command line; {@code --limit} fills in the sample counts not given. */
    private RunSettings settingsGiven() {
        RunSettings settings = RunSettingsOptions.read(spec);
        if (limit != null) {
            Checks.require(limit >= 0, "--limit must be 0 (all) or a positive number, got " + limit);
            for (Setting<Integer> count : List.of(SettingsTable.TRAIN_SAMPLES, SettingsTable.TEST_SAMPLES)) {
                if (!settings.isGiven(count)) {
                    settings = settings.with(count, limit);
                }
            }
        }
        return settings;
    }

    private String summary(TrainingRun run, List<Double> batchLosses) {
        RunSettings settings = run.settings();
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
        ArrayNode perBatch = node.putArray("trainLossPerBatch");
        batchLosses.forEach(perBatch::add);
        node.put("seed", settings.seed());
        node.put("dataset", settings.dataset());
        node.put("arch", settings.arch());
        node.put("timesteps", settings.timeSteps());
        node.put("mpbn", settings.mpbnMode().id());
        node.put("epochs", settings.epochs());
        node.set("settings", Json.MAPPER.valueToTree(settings.values()));
        return node.toString();
    }
}
