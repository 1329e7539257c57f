package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzFile;
import org.mpbnlab.probe.NetworkForm;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.probe.RecordingArrays;
import org.mpbnlab.probe.SampleRecorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code record}: runs a model in evaluation mode on chosen test samples and writes every number behind its
 * spikes as NumPy arrays ({@code .npz}, see docs/recording-format.md) — the same recording the Spikes view
 * shows.
 */
@Command(name = "record", mixinStandardHelpOptions = true, modelTransformer = LimitHelp.class,
        description = "Record x, u_pre, û, spikes, thresholds and logits per step for chosen test samples (.npz).")
final class RecordCommand implements Callable<Integer> {

    /** At most this many samples per recording (16 samples of conv-small at T = 16 take about 140 MB). */
    static final int MAX_SAMPLES = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    SavedModelOptions input = new SavedModelOptions();

    @Option(names = "--samples", required = true, paramLabel = "LIST",
            description = "Test-set sample indices, comma-separated, e.g. 0,5,9 (at most " + MAX_SAMPLES + ").")
    String samples;

    @Option(names = "--folded", description = "Record the model with MPBN folded into the thresholds (exact fold).")
    boolean folded;

    @Option(names = "--deploy", description = "Record the deployable model (thresholds folded, BN_pre in the weights).")
    boolean deploy;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the arrays (.npz).")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Checks.require(!(folded && deploy), "choose --folded or --deploy, not both");
        int[] indices = parseSamples(samples);
        OutputFile.requireWritable(out, "rec.npz");
        OutputFile.requireExtension(out, ".npz", "record writes NumPy arrays");
        SavedModelOptions.Loaded loaded = input.load();
        Dataset test = loaded.dataset();
        for (int index : indices) {
            Checks.require(index < test.test().count(), "--samples: sample " + index + " does not exist; the "
                    + test.name() + " test set has samples 0–" + (test.test().count() - 1));
        }
        NetworkForm form = deploy ? NetworkForm.DEPLOYABLE : folded ? NetworkForm.FOLDED : NetworkForm.AS_SAVED;
        SampleRecorder recorder = new SampleRecorder(form.of(loaded.saved().network()));
        Recording recording = recorder.record(test.test(), indices, loaded.feeder());
        Map<String, Supplier<NpyArray>> arrays = RecordingArrays.of(recording);
        try {
            NpzFile.write(out, arrays);
        } catch (IOException e) {
            throw new IOException("could not write " + out + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "recorded %d sample(s) of %s (%s network, T = %d, %d LIF layers) "
                        + "into %s: %d arrays, %.1f MB in memory",
                indices.length, test.name(), recording.network(), recording.timeSteps(), recording.layers().size(),
                out, arrays.size(), recording.bytes() / 1e6));
        int[] labels = recording.labels();
        int[] predictions = recording.predictions();
        for (int b = 0; b < indices.length; b++) {
            stdout.println(String.format(Locale.ROOT, "  sample %d: label %s, prediction %s", indices[b],
                    test.classNames().get(labels[b]), test.classNames().get(predictions[b])));
        }
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("out", out.toString());
            node.put("dataset", test.name());
            node.put("network", recording.network());
            node.put("timeSteps", recording.timeSteps());
            node.put("lifLayers", recording.layers().size());
            ArrayNode names = node.putArray("arrays");
            arrays.keySet().forEach(names::add);
            ArrayNode sampleList = node.putArray("samples");
            ArrayNode labelList = node.putArray("labels");
            ArrayNode predictionList = node.putArray("predictions");
            for (int b = 0; b < indices.length; b++) {
                sampleList.add(indices[b]);
                labelList.add(labels[b]);
                predictionList.add(predictions[b]);
            }
            node.put("bytes", recording.bytes());
            stdout.println(node);
        }
        stdout.flush();
        return 0;
    }

    /** "0,5,9" → {0, 5, 9}; a clear message for anything else. */
    static int[] parseSamples(String text) {
        String[] parts = text.split(",", -1);
        Checks.require(parts.length <= MAX_SAMPLES, "--samples: at most " + MAX_SAMPLES + " samples per recording, got "
                + parts.length);
        int[] indices = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            try {
                indices[i] = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--samples must be test-set indices separated by commas, e.g. "
                        + "0,5,9; '" + part + "' is not a whole number");
            }
            Checks.require(indices[i] >= 0, "--samples: sample indices start at 0, got " + indices[i]);
        }
        return indices;
    }
}
