package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.fold.Deployment;
import org.mpbnlab.fold.EquivalenceChecker;
import org.mpbnlab.fold.EquivalenceReport;
import org.mpbnlab.fold.FoldMethod;
import org.mpbnlab.fold.FoldResult;
import org.mpbnlab.fold.FoldedModelFile;
import org.mpbnlab.fold.CheckProgress;
import org.mpbnlab.fold.InferenceSpeeds;
import org.mpbnlab.fold.ThresholdFolder;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.ModelInfo;
import org.mpbnlab.train.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fold}: folds MPBN into the thresholds (and with {@code --deploy} BN_pre into the weights), saves
 * the result, and with {@code --check} proves the equivalence on a dataset.
 */
@Command(name = "fold", mixinStandardHelpOptions = true, modelTransformer = LimitHelp.class,
        description = "Fold MPBN into firing thresholds and check that nothing changes.")
final class FoldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Trained MPBN model (.zip).")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the folded model.")
    Path out;

    @Option(names = "--deploy", description = "Also fold BN_pre into the preceding weights (not bit-exact).")
    boolean deploy;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "exact", description = "exact or naive (float32 formula, a lesson); default ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--check", paramLabel = "DATASET", description = "Compare the folded and MPBN networks on DATASET and save only if every spike agrees: "
            + DatasetArgument.HELP + ".")
    String check;

    @Mixin
    BatchOption batch = new BatchOption();

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--json", description = "Print a JSON report as the last line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Checks.oneOf("--method", method, java.util.List.of("exact", "naive"));
        int batchSize = batch.size();
        OutputFile.requireWritable(out, "folded.zip");
        OutputFile.requireExtension(out, ".zip", "a model file");
        PrintWriter stdout = spec.commandLine().getOut();
        SavedModel saved = ModelFile.load(model);
        Network reference = saved.network();
        if (reference.isFolded()) {
            throw new IllegalArgumentException(model.getFileName() + " is already folded; fold the original MPBN model");
        }
        FoldMethod foldMethod = "naive".equals(method) ? FoldMethod.NAIVE : FoldMethod.EXACT;
        FoldResult result = ThresholdFolder.fold(reference, foldMethod);
        result.notes().forEach(note -> stdout.println("note: " + note));
        Network folded = result.network();
        Network deployed = deploy ? Deployment.deploy(folded) : null;
        Network saveMe = deploy ? deployed : folded;
        ModelInfo info = saved.info();
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("gammaNegative", result.gammaNegative());
        report.put("gammaZero", result.gammaZero());
        report.put("folded", result.folded());
        if (check != null) {
            Dataset dataset = LoadedData.forModel(saved, "--check", check, DatasetRegistry.standard(), data.options());
            InputFeeder feeder = LoadedData.feeder(saved, dataset);
            int samples = dataset.test().count();
            EquivalenceReport foldCheck = EquivalenceChecker.compare(reference, folded, dataset.test(), feeder, batchSize,
                    samples);
            print(stdout, "folded (" + method + ")", foldCheck);
            putReport(report, foldCheck);
            if (foldCheck.spikeMismatches() > 0) {
                // a script reads the counts of a failed check too: the JSON line still ends the output
                report.put("saved", false);
                if (json) {
                    stdout.println(report);
                }
                stdout.flush();
                throw new FoldCheckFailed(checkFailure(foldMethod, foldCheck, dataset.name()));
            }
            if (result.folded() && foldMethod == FoldMethod.EXACT) {
                Network naive = ThresholdFolder.fold(reference, FoldMethod.NAIVE).network();
                EquivalenceReport lesson = EquivalenceChecker.compare(reference, naive, dataset.test(), feeder, batchSize,
                        samples);
                print(stdout, "naive float32 fold (lesson)", lesson);
                putReport(report.putObject("naive"), lesson);
            }
            Network deployable = deployed != null ? deployed : result.folded() ? Deployment.deploy(folded) : null;
            if (deployable != null) {
                EquivalenceReport dep = EquivalenceChecker.compare(reference, deployable, dataset.test(), feeder, batchSize,
                        samples);
                print(stdout, "deployable (BN_pre in weights)", dep);
                putReport(report.putObject("deployable"), dep);
            }
            timing(stdout, report.putObject("inferenceSamplesPerSecond"), reference, folded, deployable, dataset,
                    feeder);
        }
        // Saved only now: with --check, a model whose check failed (or could not run) is never written; the
        // deployable network's own mismatches are reported, not a failure (BN_pre in the weights is not bit-exact).
        FoldedModelFile.save(out, saveMe, info, deploy ? "deployable" : "folded (" + method + ")",
                model.getFileName().toString());
        stdout.println(String.format(Locale.ROOT, "saved %s: %s; %s", out,
                result.folded() ? (deploy ? "MPBN folded into thresholds, BN_pre into weights" : "MPBN folded into thresholds")
                        : "nothing to fold", result.gammaSummary()));
        report.put("saved", true);
        if (json) {
            stdout.println(report);
        }
        stdout.flush();
        return 0;
    }

    /**
     * What a check that found differences says (docs/decisions.md, 2026-12-01): how many spikes the fold changes,
     * that nothing was saved, and for the naive fold how to save it anyway.
     */
    private String checkFailure(FoldMethod foldMethod, EquivalenceReport check, String dataset) {
        String flips = check.spikeMismatches() + " of " + check.spikesCompared() + " spikes on " + dataset;
        if (foldMethod == FoldMethod.NAIVE) {
            return "the naive fold flips " + flips + " (float rounding at ties), so it is not the same network; "
                    + "nothing was saved to " + out + ". To save it anyway, run fold --method naive without --check; "
                    + "--method exact flips none";
        }
        return "the exact fold differs in " + flips + "; nothing was saved to " + out;
    }

    /** The fold did not reproduce every spike: a failure (exit code 1), not bad input. */
    static final class FoldCheckFailed extends RuntimeException {
        FoldCheckFailed(String message) {
            super(message);
        }
    }

    private void timing(PrintWriter out, ObjectNode node, Network reference, Network folded, Network deployable,
                        Dataset dataset, InputFeeder feeder) {
        int size = Math.min(64, dataset.test().count());
        int[] indices = java.util.stream.IntStream.range(0, size).toArray();
        Pass pass = new Pass(reference.spec().timeSteps(), size, false);
        var input = feeder.encode(reference, dataset.test(), indices, pass).dup();
        InferenceSpeeds speeds = InferenceSpeeds.measure(reference, folded, deployable, input, pass,
                CheckProgress.NONE);
        boolean hasDeployable = !Double.isNaN(speeds.deployable());
        out.println(String.format(Locale.ROOT, "inference samples/s (batch %d): MPBN eval %.0f, folded %.0f, %s"
                + "no-MPBN network of the same shape %.0f", size, speeds.mpbnEval(), speeds.folded(),
                hasDeployable ? String.format(Locale.ROOT, "deployable %.0f, ", speeds.deployable()) : "",
                speeds.noMpbn()));
        node.put("mpbnEval", speeds.mpbnEval());
        node.put("folded", speeds.folded());
        if (hasDeployable) {
            node.put("deployable", speeds.deployable());
        } else {
            node.putNull("deployable");
        }
        node.put("noMpbn", speeds.noMpbn());
    }

    private static void print(PrintWriter out, String label, EquivalenceReport r) {
        out.println(String.format(Locale.ROOT, "%s: %d of %d spikes differ, max |logit diff| %.3g, predictions agree "
                        + "%.4f%%, accuracy %.2f%% vs %.2f%%, smallest margin |u_pre − Ṽ| %.3g",
                label, r.spikeMismatches(), r.spikesCompared(), r.maxLogitDiff(), 100 * r.predictionAgreement(),
                100 * r.referenceAccuracy(), 100 * r.candidateAccuracy(), r.minMargin()));
    }

    private static void putReport(ObjectNode node, EquivalenceReport r) {
        node.put("samples", r.samples());
        node.put("spikesCompared", r.spikesCompared());
        node.put("spikeMismatches", r.spikeMismatches());
        node.put("maxLogitDiff", r.maxLogitDiff());
        node.put("predictionAgreement", r.predictionAgreement());
        node.put("referenceAccuracy", r.referenceAccuracy());
        node.put("foldedAccuracy", r.candidateAccuracy());
        node.put("minMargin", r.minMargin());
    }
}
