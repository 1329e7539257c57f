package org.mpbnlab.app.fold;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.fold.CheckProgress;
import org.mpbnlab.fold.Deployment;
import org.mpbnlab.fold.EquivalenceChecker;
import org.mpbnlab.fold.EquivalenceReport;
import org.mpbnlab.fold.FlipFinder;
import org.mpbnlab.fold.FlipReport;
import org.mpbnlab.fold.FoldMethod;
import org.mpbnlab.fold.FoldResult;
import org.mpbnlab.fold.FoldedModelFile;
import org.mpbnlab.fold.InferenceSpeeds;
import org.mpbnlab.fold.ThresholdFolder;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.train.InputFeeder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One model and everything the Fold view makes of it: the MPBN network (a copy of the run's, evaluation mode),
 * its exact fold, and on demand its naive fold and its deployable form. All engine work of the view goes
 * through here, on one worker thread at a time (networks keep their last pass's buffers and must not be
 * shared between threads).
 */
public final class FoldWorkbench {

    /** Batch size of the checks. */
    static final int BATCH = 128;

    private final CurrentModel model;
    private final FoldResult exact;
    private final InputFeeder feeder;
    private Network naive;
    private Network deployable;

    private FoldWorkbench(CurrentModel model, FoldResult exact) {
        this.model = model;
        this.exact = exact;
        // one loop thread each: the other core stays with the UI (and training, if it runs)
        model.network().setLoopThreads(1);
        exact.network().setLoopThreads(1);
        this.feeder = new InputFeeder(model.encoder(), model.info().seed());
    }

    /** Folds {@code model} exactly. Throws, saying what to do, when it has no MPBN or is folded already. */
    public static FoldWorkbench fold(CurrentModel model) {
        if (model.network().isFolded()) {
            throw new IllegalArgumentException("This model is folded already: open or train the MPBN model instead.");
        }
        FoldResult result = ThresholdFolder.fold(model.network(), FoldMethod.EXACT);
        if (!result.folded()) {
            throw new IllegalArgumentException("This model has no MPBN, so there is nothing to fold: its neurons"
                    + " already compare u_pre with V_th. Train with MPBN 'channel' or 'element' to fold.");
        }
        return new FoldWorkbench(model, result);
    }

    public CurrentModel model() {
        return model;
    }

    public Network reference() {
        return model.network();
    }

    public FoldResult exactFold() {
        return exact;
    }

    public Network folded() {
        return exact.network();
    }

    /** The textbook fold in float32 (made on first use). */
    public Network naive() {
        if (naive == null) {
            naive = ThresholdFolder.fold(reference(), FoldMethod.NAIVE).network();
            naive.setLoopThreads(1);
        }
        return naive;
    }

    /** BN_pre folded into the weights as well (made on first use). */
    public Network deployable() {
        if (deployable == null) {
            deployable = Deployment.deploy(folded());
            deployable.setLoopThreads(1);
        }
        return deployable;
    }

    public InputFeeder feeder() {
        return feeder;
    }

    public DataSplit testSet() {
        return model.dataset().test();
    }

    /** The whole test set: the exact fold and the deployable network against MPBN, then the speeds. */
    public CheckAllReport checkAll(CheckProgress progress) {
        int samples = testSet().count();
        long total = 2L * samples + InferenceSpeeds.ROUNDS;
        EquivalenceReport folded = EquivalenceChecker.compare(reference(), folded(), testSet(), feeder, BATCH, samples,
                (done, all) -> progress.proceed(done, total));
        EquivalenceReport deployed = EquivalenceChecker.compare(reference(), deployable(), testSet(), feeder, BATCH,
                samples, (done, all) -> progress.proceed(samples + done, total));
        int size = Math.min(64, samples);
        Pass pass = new Pass(reference().spec().timeSteps(), size, false);
        INDArray input = feeder.encode(reference(), testSet(), IntStream.range(0, size).toArray(), pass).dup();
        InferenceSpeeds speeds = InferenceSpeeds.measure(reference(), folded(), deployable(), input, pass,
                (done, all) -> progress.proceed(2L * samples + done, total));
        return new CheckAllReport(folded, deployed, speeds);
    }

    /** The spikes the naive fold flips on the whole test set, with up to {@code limit} examples of each cause. */
    public FlipReport naiveFlips(int limit, CheckProgress progress) {
        return new FlipFinder(reference(), folded(), naive()).find(testSet(), feeder, BATCH, testSet().count(), limit,
                progress);
    }

    /** Saves the exact fold ({@code deployableForm} false) or the deployable network, as {@code fold} would. */
    public void save(Path file, boolean deployableForm) throws IOException {
        FoldedModelFile.save(file, deployableForm ? deployable() : folded(), model.info(),
                deployableForm ? "deployable" : "folded (exact)", "the app's " + model.info().origin());
    }

    /** The report of "Check all". */
    public record CheckAllReport(EquivalenceReport folded, EquivalenceReport deployable, InferenceSpeeds speeds) {
    }
}
