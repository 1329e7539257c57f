package org.mpbnlab.app.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mpbnlab.probe.Recording;
import org.mpbnlab.probe.RecordingComparison;
import org.mpbnlab.probe.SampleRecorder;
import org.mpbnlab.snn.Network;

/**
 * Side by side, in lockstep: the MPBN network in evaluation mode (left) and the folded network — or the naive
 * fold, or the deployable network — (right) on the same test sample, recorded through the one recording path
 * ({@link SampleRecorder}) and compared spike for spike ({@link RecordingComparison}). One time cursor drives both
 * rasters, the logits, the predictions and the live counter "spikes compared / different".
 */
public final class SideBySideViewModel {

    /** What runs on the right. */
    public enum Right {
        FOLDED("folded (thresholds only)"),
        DEPLOYABLE("deployable (BN_pre in the weights too)");

        private final String label;

        Right(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Both recordings of one input, their comparison, and the data set's class names (in class order). */
    public record Pair(Recording left, Recording right, RecordingComparison comparison, String rightName,
                       List<String> classNames) {

        /** The name of class {@code k} as the Spikes view writes it ("horizontal bar"), its number if it has none. */
        public String className(int k) {
            return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
        }
    }

    private final FoldViewModel fold;
    private final NaiveLessonViewModel naive;
    private final IntegerProperty sample = new SimpleIntegerProperty(this, "sample", 0);
    private final ObjectProperty<Right> right = new SimpleObjectProperty<>(this, "right", Right.FOLDED);
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyObjectWrapper<Pair> pair = new ReadOnlyObjectWrapper<>(this, "pair");

    public SideBySideViewModel(FoldViewModel fold, NaiveLessonViewModel naive) {
        this.fold = fold;
        this.naive = naive;
        fold.workbenchProperty().addListener((obs, old, now) -> {
            pair.set(null);
            if (now != null) {
                record();
            }
        });
        right.addListener((obs, old, now) -> record());
        naive.naiveProperty().addListener((obs, old, now) -> record());
        sample.addListener((obs, old, now) -> record());
    }

    /** Records the chosen sample with both networks (on the engine worker) and rewinds to the first step. */
    public void record() {
        FoldWorkbench workbench = fold.workbenchProperty().get();
        if (workbench == null) {
            return;
        }
        int index = Math.max(0, Math.min(sample.get(), workbench.testSet().count() - 1));
        Right side = right.get();
        boolean useNaive = naive.naiveProperty().get() && side == Right.FOLDED;
        fold.task().run("Recording test sample " + index + " with both networks", progress -> {
            Network candidate = side == Right.DEPLOYABLE ? workbench.deployable()
                    : useNaive ? workbench.naive() : workbench.folded();
            int[] indices = {index};
            Recording left = new SampleRecorder(workbench.reference()).record(workbench.testSet(), indices,
                    workbench.feeder());
            Recording rightRecording = new SampleRecorder(candidate).record(workbench.testSet(), indices,
                    workbench.feeder());
            String name = side == Right.DEPLOYABLE ? "deployable" : useNaive ? "naive fold" : "folded (exact)";
            return new Pair(left, rightRecording, RecordingComparison.of(left, rightRecording, 0), name,
                    List.copyOf(workbench.model().dataset().classNames()));
        }, recorded -> {
            pair.set(recorded);
            step.set(0);
            fold.task().message(recordedMessage(index, recorded));
        });
    }

    /**
     * E.g. "Recorded test sample 0 with both networks: 150,528 spikes compared over its 4 steps, 0 different." The
     * whole sample's counts (the comparison's counts are cumulative, so those of the last step); the live counter
     * below gives them up to the cursor's step.
     */
    static String recordedMessage(int index, Pair recorded) {
        RecordingComparison c = recorded.comparison();
        int last = recorded.left().timeSteps() - 1;
        return String.format(Locale.ROOT, "Recorded test sample %d with both networks: %,d spikes compared over its %d"
                + " steps, %,d different.", index, c.compared()[last], last + 1, c.different()[last]);
    }

    /** One step further (stops at the last step, and stops playing there). */
    public void advance() {
        Pair p = pair.get();
        if (p == null) {
            return;
        }
        if (step.get() < p.left().timeSteps() - 1) {
            step.set(step.get() + 1);
        } else {
            playing.set(false);
        }
    }

    /** "spikes compared 4 096 / different 0 · smallest |u_pre − Ṽ| 3.1e-04" up to the current step. */
    public String counter() {
        Pair p = pair.get();
        if (p == null) {
            return "";
        }
        int t = Math.min(step.get(), p.left().timeSteps() - 1);
        RecordingComparison c = p.comparison();
        double margin = c.minMargin()[t];
        return String.format(Locale.ROOT, "spikes compared %,d / different %,d · smallest |u_pre − Ṽ| %s",
                c.compared()[t], c.different()[t], CheckAllViewModel.margin(margin));
    }

    /** The logits table after the current step: one row per class, its name, MPBN's value and the right's. */
    public List<String[]> logitRows() {
        return logitRows(step.get());
    }

    /** The logits table after step {@code step} (from 0; the last when beyond). */
    public List<String[]> logitRows(int step) {
        Pair p = pair.get();
        if (p == null) {
            return List.of();
        }
        int t = Math.min(step, p.left().timeSteps() - 1);
        List<String[]> rows = new ArrayList<>();
        for (int k = 0; k < p.left().classes(); k++) {
            rows.add(new String[] {p.className(k), String.format(Locale.ROOT, "%.5f", p.left().logit(t, 0, k)),
                String.format(Locale.ROOT, "%.5f", p.right().logit(t, 0, k))});
        }
        return rows;
    }

    /** "after step 2: MPBN predicts horizontal bar, folded (exact) predicts horizontal bar · label horizontal bar". */
    public String predictions() {
        Pair p = pair.get();
        if (p == null) {
            return "";
        }
        int t = Math.min(step.get(), p.left().timeSteps() - 1);
        int label = p.left().labels()[0];
        return String.format(Locale.ROOT, "after step %d: MPBN predicts %s, %s predicts %s%s", t + 1,
                p.className(p.left().predictionAfter(t, 0)), p.rightName(),
                p.className(p.right().predictionAfter(t, 0)), label >= 0 ? " · label " + p.className(label) : "");
    }

    /** Spikes that differ up to the current step. */
    public long differentSoFar() {
        Pair p = pair.get();
        return p == null ? 0 : p.comparison().different()[Math.min(step.get(), p.left().timeSteps() - 1)];
    }

    /** Why the two sides may differ, or why they cannot. */
    public String explanation() {
        Pair p = pair.get();
        if (p == null) {
            return "";
        }
        if (right.get() == Right.DEPLOYABLE) {
            return "The deployable network folds BN_pre into the weights too (W' = a·W, b' = a·(b − μ) + β with"
                    + " a = γ/sqrt(σ² + ε)). That fold changes the arithmetic: the input current is rounded"
                    + " differently, so u_pre differs in its last bits, and a membrane within that rounding of Ṽ can"
                    + " fire differently (orange cells). The threshold fold changes nothing before the comparison:"
                    + " the same u_pre meets the exact boundary of û > V_th, so it cannot differ.";
        }
        if (p.rightName().startsWith("naive")) {
            return "The naive fold rounds Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ in float32; a membrane between its Ṽ and"
                    + " the exact one fires differently (orange cells). See the Naive fold tab for every flip.";
        }
        return "The exact fold: the right network has no MPBN at all, only one threshold Ṽ per channel, and fires"
                + " the same spikes as the MPBN network, bit for bit.";
    }

    public IntegerProperty sampleProperty() {
        return sample;
    }

    public ObjectProperty<Right> rightProperty() {
        return right;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyObjectProperty<Pair> pairProperty() {
        return pair.getReadOnlyProperty();
    }
}
