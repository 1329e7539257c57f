package org.mpbnlab.app.shell;

import java.nio.file.Path;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetException;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.UserDatasets;
import org.mpbnlab.train.settings.SettingsTable;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.KeyCode;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.membrane.MembraneViewModel;
import org.mpbnlab.app.train.TrainViewModel;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;

/**
 * What the main window decides, without a screen: which view is shown, what each key does there, the
 * status line and progress, the theme, and opening a model file. {@link MainWindow} only lays out
 * controls and forwards to this class.
 */
public final class MainWindowViewModel {

    /** The views of the window, one tab each. */
    public enum View { TRAIN, DATA, MEMBRANE, SPIKES, FOLD }

    /** What the window's keys ask for; what they do depends on the view that is shown. */
    public enum Command {
        /** Space: play or pause training. */
        PLAY_PAUSE,
        /** →: one batch on the Train view, the next time step on the Membrane view. */
        FORWARD,
        /** ←: the previous time step on the Membrane view. */
        BACK,
        /** ↑: an older recording of the training history on the Membrane view. */
        OLDER,
        /** ↓: a newer recording of the training history on the Membrane view. */
        NEWER;

        /**
         * True when the key keeps its meaning while a text field has the focus. Space does (no setting is
         * written with a space, so it never edits a field); the arrows move the caret there, as in any text field.
         */
        public boolean worksInTextFields() {
            return this == PLAY_PAUSE;
        }

        /** The command of a key without modifiers, if the key has one. */
        public static Optional<Command> of(KeyCode key) {
            return Optional.ofNullable(switch (key) {
                case SPACE -> PLAY_PAUSE;
                case RIGHT -> FORWARD;
                case LEFT -> BACK;
                case UP -> OLDER;
                case DOWN -> NEWER;
                default -> null;
            });
        }
    }

    /** Why a model file could not be opened, in the user's words: a heading and what to do. */
    public record Problem(String heading, String message) {
    }

    private final TrainViewModel train;
    private final MembraneViewModel membrane;
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.TRAIN);
    private final ObjectProperty<AppTheme> theme = new SimpleObjectProperty<>(this, "theme", AppTheme.NORMAL);
    private final ObjectBinding<ChartTheme> chartTheme;
    private final StringBinding status;
    private final DoubleBinding progress;
    private final BooleanBinding training;

    public MainWindowViewModel(TrainViewModel train, MembraneViewModel membrane, AppTheme theme) {
        this.train = train;
        this.membrane = membrane;
        this.theme.set(theme);
        chartTheme = Bindings.createObjectBinding(() -> this.theme.get().charts(), this.theme);
        status = Bindings.createStringBinding(() -> statusText(train.snapshotProperty().get()),
                train.snapshotProperty(), train.messageProperty());
        progress = Bindings.createDoubleBinding(() -> progressOf(train.snapshotProperty().get()),
                train.snapshotProperty());
        training = Bindings.createBooleanBinding(() -> {
            SessionSnapshot s = train.snapshotProperty().get();
            return s != null && s.state() == SessionState.RUNNING;
        }, train.snapshotProperty());
    }

    /**
     * Carries out {@code command} on the view that is shown; false when it means nothing there (the key
     * is then left to the focused control).
     */
    public boolean perform(Command command) {
        if (view.get() == View.FOLD && command != Command.PLAY_PAUSE) {
            return false; // the Fold view's controls take the arrow keys
        }
        boolean onMembrane = view.get() == View.MEMBRANE;
        // the Spikes view shares the Membrane view's time cursor, so → and ← move both
        boolean onSteps = onMembrane || view.get() == View.SPIKES;
        switch (command) {
            case PLAY_PAUSE -> train.playPause();
            case FORWARD -> {
                if (onSteps) {
                    membrane.nextStep();
                } else {
                    train.step();
                }
            }
            case BACK -> {
                if (!onSteps) {
                    return false;
                }
                membrane.previousStep();
            }
            case OLDER -> {
                if (!onMembrane) {
                    return false;
                }
                membrane.olderRecording();
            }
            case NEWER -> {
                if (!onMembrane) {
                    return false;
                }
                membrane.newerRecording();
            }
        }
        return true;
    }

    /**
     * Opens the model file {@code file} as a new run with every setting it was trained with; a file
     * that is not a model gives a {@link Problem} to show, and the current runs stay as they are.
     */
    public Optional<Problem> openModel(Path file) {
        try {
            train.open(SampleModels.planOf(file));
            train.saving().opened(file);
            return Optional.empty();
        } catch (ModelFileException e) {
            return Optional.of(new Problem("Cannot open " + file.getFileName(), e.getMessage()));
        }
    }

    /**
     * The user's own data set at {@code path}, read and checked (off the UI thread: reading a large set takes
     * a moment), ready for {@link #useDataset}; data that cannot be used gives the reason in the user's words.
     */
    public static DatasetCheck checkDataset(Path path) {
        try {
            Dataset data = UserDatasets.load(path, DatasetOptions.defaults());
            return new DatasetCheck(path, Optional.of(DatasetInfo.ofOwn(data, path.toString())), Optional.empty());
        } catch (DatasetException e) {
            return new DatasetCheck(path, Optional.empty(), Optional.of(new Problem("Cannot open " + path.getFileName()
                    + " as a data set", e.getMessage())));
        }
    }

    /** What reading a data set gave: what it is (its name is the absolute path), or the problem. */
    public record DatasetCheck(Path path, Optional<DatasetInfo> info, Optional<Problem> problem) {

        /** Its number of classes (0 when it could not be read). */
        public int classes() {
            return info.map(DatasetInfo::classes).orElse(0);
        }
    }

    /**
     * Puts a checked data set into the run settings (the next run trains on it) and says so in the status
     * line; a problem is handed back to be shown, and the settings stay as they are.
     */
    public Optional<Problem> useDataset(DatasetCheck check) {
        if (check.problem().isPresent()) {
            return check.problem();
        }
        DatasetInfo info = check.info().orElseThrow();
        train.form().knowOwnData(info);
        train.form().field(SettingsTable.DATASET).textProperty().set(info.name());
        return Optional.empty();
    }

    /**
     * Where the Open dialog starts: the folder a model was last saved to or opened from in this session, else the
     * folder of the sample models, when there is one.
     */
    public Optional<Path> modelFolder() {
        return train.saving().lastFolder().filter(java.nio.file.Files::isDirectory)
                .or(() -> SampleModels.find(SampleModels.defaultFolders()).map(Path::getParent));
    }

    /**
     * The status line: the run, its state, iteration, epoch and speed, then the latest message. One message per
     * state: while a run is being built the line says only that (a reset's note follows once the run is ready).
     */
    String statusText(SessionSnapshot s) {
        String note = train.messageProperty().get();
        if (s == null || s.state() == SessionState.PREPARING) {
            return train.currentRun() != null && train.currentRun().number() > 1 ? "Building run #" + train.currentRun().number() + "…"
                    : "Starting the engine and building the network…";
        }
        String text = String.format(Locale.ROOT, "Run #%d %s · iteration %d/%d · epoch %d",
                train.currentRun().number(), s.state().label(), s.iteration(), s.totalIterations(), s.epoch());
        if (s.samplesPerSecond() > 0) {
            text += String.format(Locale.ROOT, " · %.0f samples/s", s.samplesPerSecond());
        }
        return note.isEmpty() ? text : text + " · " + note;
    }

    public StringBinding statusProperty() {
        return status;
    }

    /**
     * The status bar's progress: −1 (indeterminate) while the engine starts or a run is built, the run's share
     * of its iterations while it trains (indeterminate until its first batch is done), else 0, which hides the bar: an idle, paused or finished run has
     * nothing in progress (the Train view shows how far each run got).
     */
    static double progressOf(SessionSnapshot s) {
        if (s == null || s.state() == SessionState.PREPARING) {
            return -1.0;
        }
        if (s.state() != SessionState.RUNNING) {
            return 0.0;
        }
        return s.progress() > 0 ? s.progress() : -1.0; // the first batch is under way
    }

    /** The status bar's progress, see {@link #progressOf}. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    /** True while a run trains (the pulse-gap monitor measures only then). */
    public BooleanBinding trainingProperty() {
        return training;
    }

    /** The view that is shown; the window's tabs follow it both ways. */
    public ObjectProperty<View> viewProperty() {
        return view;
    }

    /** The theme of the window and its charts (normal, classroom, high contrast). */
    public ObjectProperty<AppTheme> themeProperty() {
        return theme;
    }

    /**
     * Switches to {@code chosen}, or back to normal when {@code chosen} is already on: the theme keys
     * (Ctrl+L classroom, Ctrl+K high contrast) turn their theme on and off.
     */
    public void toggleTheme(AppTheme chosen) {
        theme.set(theme.get() == chosen ? AppTheme.NORMAL : chosen);
    }

    /** The charts' theme, following the window's theme. */
    public ObjectBinding<ChartTheme> chartThemeProperty() {
        return chartTheme;
    }

    public TrainViewModel train() {
        return train;
    }

    public MembraneViewModel membrane() {
        return membrane;
    }
}
