package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.membrane.MembraneViewModel;
import org.mpbnlab.app.membrane.ProbeFrames;
import org.mpbnlab.app.shell.MainWindowViewModel.Command;
import org.mpbnlab.app.shell.MainWindowViewModel.View;
import org.mpbnlab.app.train.RecordingRunControl;
import org.mpbnlab.app.train.TrainViewModel;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

/** The main window's decisions, without a screen: sessions only write down what they are asked. */
class MainWindowViewModelTest {

    private final List<RecordingRunControl> sessions = new ArrayList<>();
    private final RunSettings initial = RunSettings.defaults().with(SettingsTable.DATASET, "xor")
            .with(SettingsTable.ARCH, "mlp-2d").with(SettingsTable.TIME_STEPS, 3).with(SettingsTable.OPTIMIZER, "sgd")
            .with(SettingsTable.LEARNING_RATE, 0.1).with(SettingsTable.BATCH, 16).with(SettingsTable.SEED, 3L);
    private final TrainViewModel train = new TrainViewModel(RegistryDataCatalog.standard(),
            RecordingRunControl.factory(sessions), Runnable::run, RunPlan.fromRandomWeights(initial));
    private final MainWindowViewModel model = new MainWindowViewModel(train,
            new MembraneViewModel(train.snapshotProperty()), AppTheme.NORMAL);

    private static SessionSnapshot snapshot(SessionState state, long iteration, double samplesPerSecond) {
        return new SessionSnapshot(RunPlan.fromRandomWeights(RunSettings.defaults()), state, iteration, 100, 2, TrainingCurves.empty(),
                List.of(), null, List.of(), StatisticsSource.TRAINING_BATCH, samplesPerSecond, "");
    }

    @Test
    void theArrowKeysAndSpaceAreCommandsOtherKeysAreNot() {
        assertEquals(Optional.of(Command.PLAY_PAUSE), Command.of(KeyCode.SPACE));
        assertEquals(Optional.of(Command.FORWARD), Command.of(KeyCode.RIGHT));
        assertEquals(Optional.of(Command.BACK), Command.of(KeyCode.LEFT));
        assertEquals(Optional.of(Command.OLDER), Command.of(KeyCode.UP));
        assertEquals(Optional.of(Command.NEWER), Command.of(KeyCode.DOWN));
        assertEquals(Optional.empty(), Command.of(KeyCode.A));
        assertEquals(Optional.empty(), Command.of(KeyCode.ENTER));
    }

    @Test
    void onlySpaceKeepsItsMeaningInATextFieldTheArrowsMoveTheCaretThere() {
        assertTrue(Command.PLAY_PAUSE.worksInTextFields());
        for (Command arrow : List.of(Command.FORWARD, Command.BACK, Command.OLDER, Command.NEWER)) {
            assertFalse(arrow.worksInTextFields(), arrow.name());
        }
    }

    @Test
    void onTheTrainViewSpacePlaysAndForwardTrainsOneBatchTheOtherKeysMeanNothing() {
        assertEquals(View.TRAIN, model.viewProperty().get());
        assertTrue(model.perform(Command.FORWARD));
        RecordingRunControl session = sessions.get(0);
        assertEquals(List.of("start", "step"), session.commands);
        assertFalse(model.perform(Command.BACK));
        assertFalse(model.perform(Command.OLDER));
        assertFalse(model.perform(Command.NEWER));
        assertEquals(List.of("start", "step"), session.commands, "nothing reached the run");
        session.listener.published(snapshot(SessionState.PAUSED, 1, 0));
        assertTrue(model.perform(Command.PLAY_PAUSE));
        assertEquals("play", session.commands.get(2));
    }

    @Test
    void onTheMembraneViewTheArrowsMoveTheTimeCursorAndNeverTrain() {
        model.perform(Command.PLAY_PAUSE);
        RecordingRunControl session = sessions.get(0);
        ProbeFrame older = ProbeFrames.conv(3, MpbnMode.CHANNEL, 5, 1);
        ProbeFrame newer = ProbeFrames.conv(3, MpbnMode.CHANNEL, 10, 2);
        session.listener.published(ProbeFrames.snapshot(newer, List.of(older, newer)));
        model.viewProperty().set(View.MEMBRANE);
        MembraneViewModel membrane = model.membrane();
        assertEquals(0, membrane.cursorProperty().get());
        assertTrue(model.perform(Command.FORWARD));
        assertEquals(1, membrane.cursorProperty().get());
        assertTrue(model.perform(Command.BACK));
        assertEquals(0, membrane.cursorProperty().get());
        assertTrue(model.perform(Command.OLDER));
        assertFalse(membrane.followLiveProperty().get(), "the first ↑ leaves live mode at the newest recording");
        assertTrue(model.perform(Command.OLDER));
        assertSame(older, membrane.figureProperty().get().frame(), "one recording back in the history");
        assertTrue(model.perform(Command.NEWER));
        assertSame(newer, membrane.figureProperty().get().frame());
        assertTrue(model.perform(Command.NEWER));
        assertTrue(membrane.followLiveProperty().get(), "past the newest recording it is live again");
        assertFalse(session.commands.contains("step"), "the arrows never train on the Membrane view");
    }

    /** Issue 11 T1: Reset's status line says one thing per state, not "Starting the engine… reset: new run #2…". */
    @Test
    void whileResetBuildsTheNewRunTheStatusLineSaysOnlyThat() {
        train.prepareFirstRun();
        sessions.get(0).listener.published(snapshot(SessionState.READY, 0, 0));
        train.form().field(SettingsTable.TIME_STEPS).textProperty().set("8");
        train.reset();
        assertEquals("Building run #2…", model.statusProperty().get());
        sessions.get(1).listener.published(snapshot(SessionState.READY, 0, 0));
        String ready = model.statusProperty().get();
        assertTrue(ready.startsWith("Run #2 " + SessionState.READY.label() + " · iteration 0/100 · epoch 2 · reset: "
                + "new run from the random weights of seed"), ready);
    }

    @Test
    void theStatusLineNamesTheRunItsStateAndSpeedAndTheProgressIsIndeterminateWhileStarting() {
        assertTrue(model.statusProperty().get().startsWith("Starting the engine"), model.statusProperty().get());
        assertEquals(-1.0, model.progressProperty().get());
        assertFalse(model.trainingProperty().get());
        model.perform(Command.PLAY_PAUSE);
        sessions.get(0).listener.published(snapshot(SessionState.RUNNING, 25, 1234.4));
        assertEquals("Run #1 " + SessionState.RUNNING.label() + " · iteration 25/100 · epoch 2 · 1234 samples/s",
                model.statusProperty().get());
        assertEquals(0.25, model.progressProperty().get());
        assertTrue(model.trainingProperty().get());
        sessions.get(0).listener.published(snapshot(SessionState.PAUSED, 25, 0));
        assertFalse(model.trainingProperty().get());
        assertFalse(model.statusProperty().get().contains("samples/s"), model.statusProperty().get());
    }

    @Test
    void theStatusBarShowsProgressOnlyWhileSomethingIsInProgress() {
        model.perform(Command.PLAY_PAUSE);
        RecordingRunControl session = sessions.get(0);
        session.listener.published(snapshot(SessionState.PREPARING, 0, 0));
        assertEquals(-1.0, model.progressProperty().get(), "building the run: indeterminate");
        session.listener.published(snapshot(SessionState.RUNNING, 0, 0));
        assertEquals(-1.0, model.progressProperty().get(), "the first batch is under way");
        session.listener.published(snapshot(SessionState.RUNNING, 40, 900));
        assertEquals(0.4, model.progressProperty().get());
        for (SessionState idle : List.of(SessionState.READY, SessionState.PAUSED, SessionState.FINISHED,
                SessionState.FAILED)) {
            session.listener.published(snapshot(idle, 40, 0));
            assertEquals(0.0, model.progressProperty().get(), idle + ": no bar (0 hides it)");
        }
    }

    @Test
    void theThemeKeysSwitchTheirThemeOnAndOffAndTheChartsFollow() {
        assertSame(AppTheme.NORMAL, model.themeProperty().get());
        assertSame(ChartTheme.DESK, model.chartThemeProperty().get());
        model.toggleTheme(AppTheme.CLASSROOM);
        assertSame(AppTheme.CLASSROOM, model.themeProperty().get());
        assertSame(ChartTheme.CLASSROOM, model.chartThemeProperty().get());
        model.toggleTheme(AppTheme.HIGH_CONTRAST);
        assertSame(ChartTheme.HIGH_CONTRAST, model.chartThemeProperty().get(), "one theme at a time");
        model.toggleTheme(AppTheme.HIGH_CONTRAST);
        assertSame(AppTheme.NORMAL, model.themeProperty().get(), "the same key again returns to normal");
        model.toggleTheme(AppTheme.NORMAL);
        assertSame(AppTheme.NORMAL, model.themeProperty().get());
        assertSame(ChartTheme.CLASSROOM, new MainWindowViewModel(train, model.membrane(), AppTheme.CLASSROOM)
                .chartThemeProperty().get());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedInTheUsersWordsAndNoRunStarts(@TempDir Path folder) throws Exception {
        Path notes = folder.resolve("notes.zip");
        Files.writeString(notes, "not a model");
        var problem = model.openModel(notes);
        assertTrue(problem.isPresent());
        assertEquals("Cannot open notes.zip", problem.get().heading());
        assertFalse(problem.get().message().isBlank());
        assertFalse(problem.get().message().contains("Exception"), problem.get().message());
        assertTrue(sessions.isEmpty());
    }

    /** SV2: File ▸ Open model starts where a model was last opened (or saved), not always in sample-models/. */
    @Test
    void openStartsInTheFolderAModelWasLastOpenedFrom(@TempDir Path folder) throws Exception {
        assertEquals(org.mpbnlab.session.SampleModels.find(org.mpbnlab.session.SampleModels.defaultFolders())
                .map(Path::getParent), model.modelFolder(), "at first: the sample models' folder");
        Path lessons = Files.createDirectory(folder.resolve("lessons"));
        Path copy = Files.copy(Path.of("sample-models", "spirals-mlp2d-mpbn.zip"), lessons.resolve("spirals.zip"));
        assertEquals(Optional.empty(), model.openModel(copy));
        assertEquals(Optional.of(lessons.toAbsolutePath()), model.modelFolder());
    }

    @Test
    void aSampleModelOpensAsANewRunWithItsOwnSettings() {
        Path sample = Path.of("sample-models", "spirals-mlp2d-mpbn.zip");
        assertEquals(Optional.empty(), model.openModel(sample));
        assertEquals(1, sessions.size());
        assertEquals("spirals", sessions.get(0).plan.settings().dataset());
    }

    @Test
    void ownDataIsCheckedAndBecomesTheDataSetOfTheNextRun(@TempDir Path folder) throws Exception {
        Path points = folder.resolve("points.csv");
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? -1 - i * 0.01 : 1 + i * 0.01).append(',').append(i * 0.05).append(',')
                    .append(i % 2 == 0 ? "left" : "right").append('\n');
        }
        Files.writeString(points, csv);
        MainWindowViewModel.DatasetCheck check = MainWindowViewModel.checkDataset(points);
        assertEquals(2, check.classes());
        assertEquals(Optional.empty(), model.useDataset(check));
        assertEquals(points.toAbsolutePath().toString(), train.form().field(SettingsTable.DATASET).textProperty().get());
        assertEquals(points.toAbsolutePath().toString(), train.form().settings().dataset());
        // once read, own data is checked like a built-in set: what a run trains on, and presets that do not fit
        assertTrue(train.form().split().startsWith("Trains on all "), train.form().split());
        train.form().field(SettingsTable.ARCH).textProperty().set("conv-small");
        assertTrue(train.form().errorProperty().get().contains("does not fit"), train.form().errorProperty().get());
        train.form().field(SettingsTable.ARCH).textProperty().set("mlp-2d");
        assertEquals("", train.form().errorProperty().get());

        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "x,y,label\n1,2,0\n");
        var problem = model.useDataset(MainWindowViewModel.checkDataset(bad));
        assertTrue(problem.isPresent());
        assertEquals("Cannot open bad.csv as a data set", problem.get().heading());
        assertTrue(problem.get().message().contains("the training split is empty"), problem.get().message());
        assertEquals(points.toAbsolutePath().toString(), train.form().settings().dataset());
    }

    @Test
    void aPresetRefusedForOwnDataStillLetsTheSplitNoteDescribeTheOwnData(@TempDir Path folder) throws Exception {
        Path points = folder.resolve("rings.csv");
        StringBuilder csv = new StringBuilder("x,y,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i * 0.1).append(',').append(i % 2).append(',').append(i % 2).append('\n');
        }
        Files.writeString(points, csv);
        train.form().field(SettingsTable.ARCH).textProperty().set("conv-small");

        assertEquals(Optional.empty(), model.useDataset(MainWindowViewModel.checkDataset(points)));

        assertTrue(train.form().errorProperty().get().contains("does not fit"), train.form().errorProperty().get());
        assertTrue(train.form().split().startsWith("Trains on all ")
                && train.form().split().contains(" rings.csv samples"), train.form().split());
    }
}
