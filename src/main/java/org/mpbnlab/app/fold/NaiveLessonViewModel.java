package org.mpbnlab.app.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.mpbnlab.fold.FlipReport;
import org.mpbnlab.fold.SpikeFlip;

/**
 * "Why exactness is not free": a switch that replaces the exact fold by the naive float formula
 * {@code Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ}, and the spikes that flip because of it on the test set, each with
 * its explanation ({@link SpikeFlip}): the neuron, its u_pre and û, the two thresholds and how far apart the
 * rounding put them.
 */
public final class NaiveLessonViewModel {

    /** Examples kept of each cause. */
    static final int EXAMPLES = 25;

    private final FoldViewModel fold;
    private final BooleanProperty naive = new SimpleBooleanProperty(this, "naive", false);
    private final ReadOnlyObjectWrapper<FlipReport> flips = new ReadOnlyObjectWrapper<>(this, "flips");

    public NaiveLessonViewModel(FoldViewModel fold) {
        this.fold = fold;
        fold.workbenchProperty().addListener((obs, old, now) -> flips.set(null));
        naive.addListener((obs, old, now) -> {
            if (now && flips.get() == null) {
                findFlips();
            }
        });
    }

    /** Runs the naive fold against MPBN over the whole test set and keeps the flips. */
    public void findFlips() {
        FoldWorkbench workbench = fold.workbenchProperty().get();
        if (workbench == null) {
            fold.task().message("Fold a model first; then the naive fold can be compared with it.");
            return;
        }
        fold.task().run("Looking for spikes the naive fold flips", p -> workbench.naiveFlips(EXAMPLES, p), found -> {
            flips.set(found);
            fold.task().message(headline(found));
        });
    }

    /** True: the folded network on the right of Side by side is the naive fold. */
    public BooleanProperty naiveProperty() {
        return naive;
    }

    public ReadOnlyObjectProperty<FlipReport> flipsProperty() {
        return flips.getReadOnlyProperty();
    }

    static String headline(FlipReport r) {
        if (r.flips() == 0) {
            return String.format(Locale.ROOT, "The naive fold flips none of %,d spikes on %,d test samples: no membrane"
                    + " fell between its rounded Ṽ and the exact one. Try the sample model glyphs-conv-small-mpbn.",
                    r.compared(), r.samples());
        }
        return String.format(Locale.ROOT, "The naive fold flips %,d of %,d spikes on %,d test samples: %,d by its own"
                + " rounding (the membrane lay between the two thresholds), %,d more because an earlier spike had"
                + " flipped. The exact fold flips none.", r.flips(), r.compared(), r.samples(), r.rounding(),
                r.cascade());
    }

    /**
     * One row per example: layer, step, sample, neuron, u_pre, û, V_th, exact Ṽ, naive Ṽ, floats apart, what MPBN
     * does ("fires" or "silent"), what the naive fold does (the opposite: it is a flip), and the cause ("rounding",
     * or "earlier flip" when the membrane itself differs because a spike flipped before).
     */
    public static List<String[]> rows(FlipReport r) {
        List<String[]> rows = new ArrayList<>();
        for (SpikeFlip f : r.examples()) {
            rows.add(new String[] {"LIF " + (f.layer() + 1), "t = " + (f.step() + 1), Integer.toString(f.sample()),
                Integer.toString(f.neuron()), Float.toString(f.uPre()), Float.toString(f.uHat()),
                Float.toString((float) f.vth()), Float.toString((float) f.exactThreshold()),
                Float.toString((float) f.candidateThreshold()), Long.toString(f.floatsApart()),
                f.mpbnFires() ? "fires" : "silent", f.mpbnFires() ? "silent" : "fires",
                f.cause() == SpikeFlip.Cause.ROUNDING ? "rounding" : "earlier flip"});
        }
        return rows;
    }
}
