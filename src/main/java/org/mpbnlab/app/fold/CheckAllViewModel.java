package org.mpbnlab.app.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mpbnlab.fold.EquivalenceReport;
import org.mpbnlab.fold.InferenceSpeeds;
import org.mpbnlab.fold.LayerStepComparison;

/**
 * "Check all": the equivalence report of the exact fold and of the deployable network on the whole test set,
 * and the four networks' inference speeds, run in the background with progress and Cancel. Everything shown
 * is a field of the engine's report.
 */
public final class CheckAllViewModel {

    private final FoldViewModel fold;
    private final ReadOnlyObjectWrapper<FoldWorkbench.CheckAllReport> report =
            new ReadOnlyObjectWrapper<>(this, "report");

    public CheckAllViewModel(FoldViewModel fold) {
        this.fold = fold;
        fold.workbenchProperty().addListener((obs, old, now) -> report.set(null));
    }

    /** Starts the check of the current fold; a note when nothing is folded yet. */
    public void checkAll() {
        FoldWorkbench workbench = fold.workbenchProperty().get();
        if (workbench == null) {
            fold.task().message("Fold a model first, then check it.");
            return;
        }
        fold.task().run("Checking all " + workbench.testSet().count() + " test samples", workbench::checkAll,
                done -> {
                    report.set(done);
                    fold.task().message(headline(done));
                });
    }

    public void cancel() {
        fold.task().cancel();
    }

    public ReadOnlyObjectProperty<FoldWorkbench.CheckAllReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** E.g. "Exact fold: 0 of 301 056 000 spikes differ; deployable: 12 differ." */
    static String headline(FoldWorkbench.CheckAllReport r) {
        return String.format(Locale.ROOT, "Exact fold: %,d of %,d spikes differ; deployable: %,d differ.",
                r.folded().spikeMismatches(), r.folded().spikesCompared(), r.deployable().spikeMismatches());
    }

    /** The rows of the summary table: one per quantity, columns folded and deployable. */
    public static List<String[]> summaryRows(FoldWorkbench.CheckAllReport r) {
        List<String[]> rows = new ArrayList<>();
        EquivalenceReport f = r.folded();
        EquivalenceReport d = r.deployable();
        rows.add(new String[] {"test samples", count(f.samples()), count(d.samples())});
        rows.add(new String[] {"spikes compared", count(f.spikesCompared()), count(d.spikesCompared())});
        rows.add(new String[] {"spikes different", count(f.spikeMismatches()), count(d.spikeMismatches())});
        rows.add(new String[] {"predictions agree", percent(f.predictionAgreement()),
            percent(d.predictionAgreement())});
        rows.add(new String[] {"accuracy, MPBN eval", percent(f.referenceAccuracy()), percent(d.referenceAccuracy())});
        rows.add(new String[] {"accuracy, this network", percent(f.candidateAccuracy()),
            percent(d.candidateAccuracy())});
        rows.add(new String[] {"largest |logit difference|", number(f.maxLogitDiff()), number(d.maxLogitDiff())});
        rows.add(new String[] {"smallest |u_pre − Ṽ|", margin(f.minMargin()), margin(d.minMargin())});
        return rows;
    }

    /** Per layer × step: "different / compared" of the exact fold and the deployable network. */
    public static List<String[]> cellRows(FoldWorkbench.CheckAllReport r) {
        List<String[]> rows = new ArrayList<>();
        List<LayerStepComparison> folded = r.folded().cells();
        List<LayerStepComparison> deployed = r.deployable().cells();
        for (int i = 0; i < folded.size(); i++) {
            LayerStepComparison f = folded.get(i);
            LayerStepComparison d = deployed.get(i);
            rows.add(new String[] {"LIF " + (f.layer() + 1), "t = " + (f.step() + 1), count(f.compared()),
                count(f.mismatches()), count(d.mismatches()), margin(f.minMargin())});
        }
        return rows;
    }

    /** The speeds in samples per second, and each relative to the MPBN network. */
    public static List<String[]> speedRows(InferenceSpeeds s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(speed("MPBN, evaluation mode", s.mpbnEval(), s.mpbnEval()));
        rows.add(speed("folded (exact)", s.folded(), s.mpbnEval()));
        rows.add(speed("deployable", s.deployable(), s.mpbnEval()));
        rows.add(speed("no MPBN, same shape", s.noMpbn(), s.mpbnEval()));
        return rows;
    }

    private static String[] speed(String name, double rate, double reference) {
        return new String[] {name, String.format(Locale.ROOT, "%,.0f", rate),
            String.format(Locale.ROOT, "%.2f×", rate / reference)};
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** A difference to 3 significant digits, "—" when there was none. */
    static String number(double value) {
        return Double.isInfinite(value) ? "—" : String.format(Locale.ROOT, "%.3g", value);
    }

    /**
     * The smallest |u_pre − Ṽ|, as {@link #number}, but "0 (a tie)" when it is exactly zero: "%.3g" would print
     * "0.00", which reads as a small number rounded away. A margin of 0 is a neuron whose u_pre equals Ṽ exactly;
     * the exact fold still decides it as MPBN does.
     */
    static String margin(double value) {
        return value == 0 ? "0 (a tie)" : number(value);
    }
}
