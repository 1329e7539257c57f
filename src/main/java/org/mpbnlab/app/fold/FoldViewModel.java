package org.mpbnlab.app.fold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mpbnlab.fold.FoldResult;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.snn.FoldedLifNeurons;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.NeuronLayer;

/**
 * The Fold view's state: folds the current model (a copy of the run's network, trained in the app or opened),
 * lists each folded layer's thresholds ({@link ThresholdLayer}), and saves the folded and the deployable model.
 * Long work runs on the engine worker through a {@link BackgroundTask}; results arrive on the UI executor.
 * The other parts of the view (check all, naive lesson, explorer, side by side) read {@link #workbenchProperty}.
 */
public final class FoldViewModel {

    private final Supplier<CompletableFuture<CurrentModel>> models;
    private final BackgroundTask task;
    private final ReadOnlyObjectWrapper<FoldWorkbench> workbench = new ReadOnlyObjectWrapper<>(this, "workbench");
    private final ObservableList<ThresholdLayer> layers = FXCollections.observableArrayList();
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", 0);
    private final IntegerProperty selectedSet = new SimpleIntegerProperty(this, "selectedSet", 0);
    static final String INTRODUCTION = "Fold the current model: MPBN disappears into one threshold Ṽ per channel"
            + " (or neuron).";
    static final String NOTHING_TO_FOLD = "The current run has no MPBN: nothing to fold (its neurons already compare"
            + " u_pre with V_th). To fold, train a run with MPBN 'channel' or 'element' (Train view) or open a model that has MPBN"
            + " (File ▸ Open model).";
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", INTRODUCTION);
    private final ReadOnlyBooleanWrapper foldable = new ReadOnlyBooleanWrapper(this, "foldable", true);
    /** What {@link #summary} says about the last fold, or the introduction before any. */
    private String foldSummary = INTRODUCTION;
    /** The last fold's model, e.g. "glyphs (iteration 120)". */
    private String foldedModel = "";

    /**
     * @param models where the current model comes from (a copy of the run's network)
     * @param task   the engine worker and its progress, shared by the Fold view's parts
     */
    public FoldViewModel(Supplier<CompletableFuture<CurrentModel>> models, BackgroundTask task) {
        this.models = models;
        this.task = task;
    }

    /** Folds the current model: copies it from the run, folds it exactly on the worker, shows the thresholds. */
    public void fold() {
        task.message("Copying the current model…");
        models.get().whenComplete((model, failure) -> task.ui().execute(() -> {
            if (failure != null) {
                task.message("Cannot fold: " + reason(failure));
            } else {
                task.run("Folding", progress -> FoldWorkbench.fold(model), this::show);
            }
        }));
    }

    private void show(FoldWorkbench folded) {
        workbench.set(folded);
        List<ThresholdLayer> read = new ArrayList<>();
        List<NeuronLayer> sources = folded.reference().spikingLayers();
        List<NeuronLayer> targets = folded.folded().spikingLayers();
        for (int l = 0; l < sources.size(); l++) {
            if (targets.get(l) instanceof FoldedLifNeurons target && sources.get(l) instanceof LifNeurons source) {
                read.add(ThresholdLayer.of(l, source, target));
            }
        }
        layers.setAll(read);
        selectedLayer.set(0);
        selectedSet.set(0);
        FoldResult result = folded.exactFold();
        foldedModel = String.format(Locale.ROOT, "%s (iteration %d)", folded.model().info().dataset(),
                folded.model().iteration());
        // two lines at 1024 px in the classroom font (the header keeps two lines' room, so nothing below moves)
        foldSummary = String.format(Locale.ROOT, "Folded %s: %d %s, %s. The folded network fires exactly the MPBN"
                        + " network's spikes in evaluation mode: check it below or side by side.",
                foldedModel, read.size(), read.size() == 1 ? "layer" : "layers", result.gammaSummary());
        showSummary();
        task.message("Folded.");
    }

    /**
     * Tells the view which MPBN the current run has (null when there is no run yet). A run without MPBN has
     * nothing to fold: the summary says so before the user presses Fold, and {@link #foldableProperty} turns false.
     * A fold made earlier stays shown below, and the summary names it.
     */
    public void currentRunMpbn(MpbnMode mode) {
        foldable.set(mode != MpbnMode.OFF);
        showSummary();
    }

    private void showSummary() {
        if (foldable.get()) {
            summary.set(foldSummary);
        } else if (workbench.get() == null) {
            summary.set(NOTHING_TO_FOLD);
        } else {
            summary.set(NOTHING_TO_FOLD + " Below: the fold made earlier, of " + foldedModel + ".");
        }
    }

    /** False while the current run has no MPBN (there is nothing to fold). */
    public ReadOnlyBooleanProperty foldableProperty() {
        return foldable.getReadOnlyProperty();
    }

    /** Saves the folded ({@code deployable} false) or deployable model to {@code file}, atomically. */
    public void save(Path file, boolean deployable) {
        FoldWorkbench current = workbench.get();
        if (current == null) {
            task.message("Fold a model first, then save it.");
            return;
        }
        task.run(deployable ? "Saving the deployable model" : "Saving the folded model", progress -> {
            current.save(file, deployable);
            return file;
        }, saved -> task.message("Saved " + saved.getFileName() + (deployable
                ? " (deployable: BN_pre folded into the weights too; not bit-exact, see Check all)."
                : " (folded: bit-exact; `eval` and Open model read it).")));
    }

    static String reason(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? "the model could not be copied" : cause.getMessage();
    }

    public ReadOnlyObjectProperty<FoldWorkbench> workbenchProperty() {
        return workbench.getReadOnlyProperty();
    }

    public ObservableList<ThresholdLayer> layers() {
        return layers;
    }

    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    /** The statistics set shown (the time step, when the model has per-step statistics). */
    public IntegerProperty selectedSetProperty() {
        return selectedSet;
    }

    /** The layer shown, or null before a fold. */
    public ThresholdLayer selected() {
        int l = selectedLayer.get();
        return l >= 0 && l < layers.size() ? layers.get(l) : null;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BackgroundTask task() {
        return task;
    }
}
