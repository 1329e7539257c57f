package org.mpbnlab.app.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.fold.FlipReport;
import org.mpbnlab.session.CurrentModel;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.SavedModel;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

/** The Fold view's models without a screen: worker and UI are the calling thread (or a queue run by hand). */
class FoldViewModelTest {

    @TempDir
    Path dir;

    /** A sample model as the run would hand it over, with its dataset (a small test split). */
    static CurrentModel sample(String file, int testSamples) throws Exception {
        SavedModel saved = ModelFile.load(Path.of("sample-models", file));
        Dataset dataset = RegistryDataCatalog.standard().load(RunSettings.defaults()
                .with(SettingsTable.DATASET, saved.info().dataset()).with(SettingsTable.TRAIN_SAMPLES, 64)
                .with(SettingsTable.TEST_SAMPLES, testSamples));
        return new CurrentModel(saved.network(), saved.info(), dataset, Encoders.defaultFor(dataset), 0);
    }

    static FoldViewModel folded(CurrentModel model) {
        FoldViewModel fold = new FoldViewModel(() -> CompletableFuture.completedFuture(model),
                new BackgroundTask(Runnable::run, Runnable::run));
        fold.fold();
        return fold;
    }

    @Test
    void foldingListsEveryFoldedLayerWithItsThresholdsAndExplainsThem() throws Exception {
        FoldViewModel fold = folded(sample("spirals-mlp2d-mpbn.zip", 64));
        assertNotNull(fold.workbenchProperty().get());
        assertEquals(2, fold.layers().size());
        ThresholdLayer first = fold.selected();
        assertEquals(64, first.groups());
        assertEquals(fold.workbenchProperty().get().reference().spec().timeSteps(), first.sets());
        assertTrue(first.explanation().contains("fires when u_pre > Ṽ"), first.explanation());
        assertEquals("Folded.", fold.task().messageProperty().get());
        assertFalse(fold.task().busyProperty().get());
        assertTrue(first.describe(0, 0).startsWith("neuron 1: "));
        assertTrue(fold.summaryProperty().get().matches(
                ".*: 2 layers, γ < 0 in \\d+ groups?, γ = 0 in \\d+ groups?\\. .*"), fold.summaryProperty().get());
    }

    @Test
    void aModelWithoutMpbnIsNotFoldedAndTheMessageSaysWhy() throws Exception {
        FoldViewModel fold = folded(sample("glyphs-mlp-plain.zip", 16));
        assertNull(fold.workbenchProperty().get());
        assertTrue(fold.task().messageProperty().get().contains("no MPBN"), fold.task().messageProperty().get());
    }

    @Test
    void aCurrentRunWithoutMpbnSaysThereIsNothingToFoldBeforeTheUserTries() throws Exception {
        CurrentModel model = sample("spirals-mlp2d-mpbn.zip", 32);
        FoldViewModel fold = new FoldViewModel(() -> CompletableFuture.completedFuture(model),
                new BackgroundTask(Runnable::run, Runnable::run));
        assertTrue(fold.foldableProperty().get());
        assertEquals(FoldViewModel.INTRODUCTION, fold.summaryProperty().get());
        fold.currentRunMpbn(MpbnMode.OFF);
        assertFalse(fold.foldableProperty().get());
        assertEquals(FoldViewModel.NOTHING_TO_FOLD, fold.summaryProperty().get());
        fold.currentRunMpbn(MpbnMode.CHANNEL);
        assertTrue(fold.foldableProperty().get());
        fold.fold();
        String folded = fold.summaryProperty().get();
        assertTrue(folded.startsWith("Folded spirals"), folded);
        // a run without MPBN chosen after a fold: the summary says both, and the earlier fold stays shown
        fold.currentRunMpbn(MpbnMode.OFF);
        assertTrue(fold.summaryProperty().get().startsWith(FoldViewModel.NOTHING_TO_FOLD), fold.summaryProperty().get());
        assertTrue(fold.summaryProperty().get().endsWith("Below: the fold made earlier, of spirals (iteration 0)."),
                fold.summaryProperty().get());
        assertNotNull(fold.workbenchProperty().get());
        fold.currentRunMpbn(MpbnMode.ELEMENT);
        assertEquals(folded, fold.summaryProperty().get());
    }

    @Test
    void checkAllFindsNoDifferentSpikeInTheExactFoldAndMeasuresAllFourNetworks() throws Exception {
        FoldViewModel fold = folded(sample("spirals-mlp2d-mpbn.zip", 96));
        CheckAllViewModel check = new CheckAllViewModel(fold);
        check.checkAll();
        FoldWorkbench.CheckAllReport report = check.reportProperty().get();
        assertNotNull(report);
        assertEquals(96, report.folded().samples());
        assertEquals(0, report.folded().spikeMismatches());
        assertEquals(1.0, report.folded().predictionAgreement());
        assertEquals(report.folded().spikesCompared(), report.deployable().spikesCompared());
        assertTrue(report.folded().margins().total() > 0);
        assertTrue(report.speeds().mpbnEval() > 0 && report.speeds().folded() > 0
                && report.speeds().deployable() > 0 && report.speeds().noMpbn() > 0);
        assertEquals(1.0, fold.task().progressProperty().get());
        assertEquals("0", CheckAllViewModel.summaryRows(report).get(2)[1]);
        assertEquals(report.folded().cells().size(), CheckAllViewModel.cellRows(report).size());
    }

    @Test
    void cancelStopsTheCheckBeforeItsNextBatchAndSaysSo() throws Exception {
        CurrentModel model = sample("spirals-mlp2d-mpbn.zip", 512);
        Deque<Runnable> worker = new ArrayDeque<>();
        BackgroundTask task = new BackgroundTask(worker::add, Runnable::run);
        FoldViewModel fold = new FoldViewModel(() -> CompletableFuture.completedFuture(model), task);
        fold.fold();
        worker.poll().run();
        CheckAllViewModel check = new CheckAllViewModel(fold);
        check.checkAll();
        assertTrue(task.busyProperty().get());
        check.cancel();
        worker.poll().run();
        assertFalse(task.busyProperty().get());
        assertNull(check.reportProperty().get());
        assertTrue(task.messageProperty().get().endsWith("cancelled."), task.messageProperty().get());
    }

    @Test
    void theNaiveLessonListsFlipsWithTheirNumbersWhenSwitchedOn() throws Exception {
        FoldViewModel fold = folded(sample("spirals-mlp2d-mpbn.zip", 128));
        NaiveLessonViewModel lesson = new NaiveLessonViewModel(fold);
        lesson.naiveProperty().set(true);
        FlipReport flips = lesson.flipsProperty().get();
        assertNotNull(flips);
        assertEquals(128, flips.samples());
        assertEquals(flips.examples().size(), NaiveLessonViewModel.rows(flips).size());
        assertTrue(fold.task().messageProperty().get().startsWith("The naive fold flips"));
    }

    @Test
    void savedFoldedAndDeployableModelsOpenAgain() throws Exception {
        FoldViewModel fold = folded(sample("spirals-mlp2d-mpbn.zip", 32));
        Path folded = dir.resolve("folded.zip");
        Path deployable = dir.resolve("deployable.zip");
        fold.save(folded, false);
        fold.save(deployable, true);
        SavedModel reopened = ModelFile.load(folded);
        assertTrue(reopened.network().isFolded());
        assertTrue(reopened.info().origin().startsWith("folded (exact) from"), reopened.info().origin());
        assertTrue(ModelFile.load(deployable).info().origin().startsWith("deployable from"));
        assertTrue(fold.task().messageProperty().get().startsWith("Saved deployable.zip"));
    }

    @Test
    void aFoldedModelOpenedInTheAppIsSaidToBeFoldedWithWhatToOpenInstead(@TempDir Path folder) throws Exception {
        FoldViewModel fold = folded(sample("spirals-mlp2d-mpbn.zip", 64));
        Path file = folder.resolve("f.zip");
        fold.workbenchProperty().get().save(file, false);
        org.mpbnlab.io.ModelFileException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.mpbnlab.io.ModelFileException.class, () -> org.mpbnlab.session.SampleModels.planOf(file));
        String said = refused.getMessage();
        assertTrue(said.startsWith("'f.zip' is a folded (or deployable) model, made by fold or the Fold tab"), said);
        assertTrue(said.contains("the app trains MPBN models. Open the model it was folded from instead"), said);
        assertFalse(said.contains("[") || said.contains("presets"), said);
    }
}
