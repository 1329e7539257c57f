package org.mpbnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.fold.Deployment;
import org.mpbnlab.fold.ProcessorMeter;
import org.mpbnlab.fold.SteadyTiming;
import org.mpbnlab.fold.ThroughputSpread;
import org.mpbnlab.fold.TimedRepeats;
import org.mpbnlab.fold.ThresholdFolder;
import org.mpbnlab.fold.FoldMethod;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.LearningRateSchedule;
import org.mpbnlab.train.Trainer;
import org.mpbnlab.train.TrainingConfig;
import org.mpbnlab.train.settings.SettingsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: training and inference throughput of {@code mlp} and {@code conv-small} at T = 4,
 * batch 64, MPBN off and channel, on 28×28 input (the glyphs set), warm-up excluded; with MPBN also
 * folded and deployable inference. Every figure is told as minimum, median and maximum over the repeats
 * ({@link ThroughputSpread}): training in repeats one after the other ({@link TimedRepeats}; the batch that
 * closes an epoch evaluates the test set and is left out), the four inference figures of a preset timed
 * interleaved, round by round, after a warm-up that lasts until the JIT is done, in rounds the machine left to
 * them ({@link SteadyTiming}). docs/benchmarks.md compares them with the PyTorch peer.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure training and inference throughput.")
final class BenchCommand implements Callable<Integer> {

    /** Untimed iterations before timing: the JIT compiles the loops, buffers are allocated. */
    private static final int WARMUP_ITERATIONS = 15;

    /** Untimed passes of each network per inference warm-up cycle ({@link SteadyTiming}: cycles until the JIT is done). */
    private static final int INFERENCE_WARMUP_PASSES = 10;

    /** Training and test samples of the glyphs set that is trained and inferred on. */
    private static final int TRAIN_SAMPLES = 4096;
    private static final int TEST_SAMPLES = 512;

    @Spec
    CommandSpec spec;

    @Option(names = "--arch", paramLabel = "NAME", split = ",", defaultValue = "mlp,conv-small", description = "Presets to measure (default ${DEFAULT-VALUE}).")
    List<String> archs;

    @Option(names = "--timesteps", paramLabel = "N", defaultValue = "4", description = "T (default ${DEFAULT-VALUE}).")
    int timeSteps;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2", description = "Seconds per timed repeat, and per network in an inference round (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Timed training repeats and inference rounds; each row reports their min, median and max (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--json", description = "Print a JSON object with the settings and the rows as the last line.")
    boolean json;

    @Override
    public Integer call() {
        archs.forEach(a -> Checks.oneOf("--arch", a, List.of("mlp", "conv-small")));
        try {
            SettingsTable.TIME_STEPS.domain().check(timeSteps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--timesteps " + e.getMessage(), e);
        }
        Checks.require(batch >= 2 && batch <= TRAIN_SAMPLES / 2, "--batch must be from 2 to " + TRAIN_SAMPLES / 2
                + " (bench trains on " + TRAIN_SAMPLES + " samples), got " + batch);
        Checks.positive("--seconds", seconds, "2 (seconds per timed repeat)");
        Checks.require(repeats >= 1, "--repeats must be at least 1, got " + repeats);
        PrintWriter out = spec.commandLine().getOut();
        String length = Checks.plain(seconds);
        out.println(String.format(Locale.ROOT, "T = %d, batch %d, %d %s of %s s; samples per second over the "
                + "repeats", timeSteps, batch, repeats, repeats == 1 ? "repeat" : "repeats", length));
        out.flush();
        Dataset data = DatasetRegistry.standard().load("glyphs",
                DatasetOptions.defaults().withSizes(TRAIN_SAMPLES, TEST_SAMPLES));
        List<BenchRow> rows = new ArrayList<>();
        warmUp(data);
        for (String arch : archs) {
            Network plain = network(arch, MpbnMode.OFF, data, 0);
            Network mpbn = network(arch, MpbnMode.CHANNEL, data, 0);
            row(out, rows, new BenchRow(arch, MpbnMode.OFF, "train", trainingRates(plain, data)));
            row(out, rows, new BenchRow(arch, MpbnMode.CHANNEL, "train", trainingRates(mpbn, data)));
            Network folded = ThresholdFolder.fold(mpbn, FoldMethod.EXACT).network();
            Network deployable = Deployment.deploy(folded);
            InputFeeder feeder = new InputFeeder(Encoders.byName("direct"), 0);
            Pass pass = new Pass(timeSteps, batch, false);
            int[] indices = java.util.stream.IntStream.range(0, batch).toArray();
            var input = feeder.encode(mpbn, data.test(), indices, pass).dup();
            List<Runnable> passes = java.util.stream.Stream.of(plain, mpbn, folded, deployable)
                    .<Runnable>map(network -> () -> network.forward(input, pass)).toList();
            SteadyTiming.Result timing = SteadyTiming.measure(passes, batch, INFERENCE_WARMUP_PASSES, repeats, seconds,
                    System::nanoTime, ProcessorMeter.system());
            List<SteadyTiming.Measured> rates = timing.passes();
            row(out, rows, new BenchRow(arch, MpbnMode.OFF, "infer", rates.get(0)));
            row(out, rows, new BenchRow(arch, MpbnMode.CHANNEL, "infer", rates.get(1)));
            row(out, rows, new BenchRow(arch, MpbnMode.CHANNEL, "infer-folded", rates.get(2)));
            row(out, rows, new BenchRow(arch, MpbnMode.CHANNEL, "infer-deployable", rates.get(3)));
        }
        if (json) {
            out.println(new BenchReport(timeSteps, batch, repeats, seconds, rows).toJson());
        }
        out.flush();
        return 0;
    }

    /** A preset with default neurons and the given MPBN mode, weights from {@code seed}. */
    private Network network(String arch, MpbnMode mode, Dataset data, long seed) {
        NetworkSpec spec = Presets.build(arch, data.frameShape(), data.numClasses(), timeSteps,
                LifParameters.defaults(), MpbnParameters.of(mode, RunningStatsMode.SHARED));
        return NetworkBuilder.build(spec, org.nd4j.linalg.api.buffer.DataType.FLOAT, seed);
    }

    /** Adam 1e-3 without a schedule, direct encoding (the PyTorch peer's setting). */
    private Trainer trainer(Network network, Dataset data, int epochs) {
        TrainingConfig config = new TrainingConfig(epochs, batch, "adam", 1e-3, 0, LearningRateSchedule.CONSTANT, 0);
        return new Trainer(network, data, new InputFeeder(Encoders.byName("direct"), 0), config);
    }

    /**
     * Runs every configuration briefly before any is timed, so that the JIT has seen all code paths and
     * the first configuration measured is not penalised by compilation and later de-optimisation.
     */
    private void warmUp(Dataset data) {
        for (String arch : archs) {
            for (MpbnMode mode : new MpbnMode[] {MpbnMode.OFF, MpbnMode.CHANNEL}) {
                Network network = network(arch, mode, data, 1);
                Trainer trainer = trainer(network, data, 1);
                for (int i = 0; i < WARMUP_ITERATIONS; i++) {
                    trainer.trainBatch();
                }
                if (mode != MpbnMode.OFF) {
                    ThresholdFolder.fold(network, FoldMethod.EXACT);
                }
            }
        }
    }

    /**
     * Training samples per second of each repeat: full iterations (encode, forward, backward, update), after a
     * warm-up; the batch that closes an epoch (it also evaluates the test set) runs untimed.
     */
    private ThroughputSpread trainingRates(Network network, Dataset data) {
        Trainer trainer = trainer(network, data, 1000);
        double[] rates = TimedRepeats.rates(trainer::trainBatch, () -> closesEpoch(trainer), batch,
                WARMUP_ITERATIONS, repeats, seconds, System::nanoTime);
        return ThroughputSpread.of(rates);
    }

    /** Whether the trainer's next batch is the last of its epoch, the one followed by the test evaluation. */
    private static boolean closesEpoch(Trainer trainer) {
        return (trainer.iteration() + 1) % trainer.batchesPerEpoch() == 0;
    }

    private static void row(PrintWriter out, List<BenchRow> rows, BenchRow row) {
        rows.add(row);
        out.println(row.text());
        out.flush();
    }
}
