package org.mpbnlab.app.membrane;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mpbnlab.app.charts.TimeCursor;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;

/**
 * The Membrane view's state: which layer and channel, which time step is under the cursor, and which
 * recording is shown (the latest, or one from the training history). Derives the
 * {@link MembraneFigure} to draw. Plain Java with JavaFX properties, used on the UI thread.
 *
 * <p>What is shown always is what {@link #sourceProperty()} asks for: a recording of another kind (a test
 * batch in evaluation mode when the training batch is chosen, or the other way round) is never drawn in its
 * place; {@link #unavailableProperty()} then says why there is none and what to do.
 *
 * <p>Until the user chooses a kind, the view model chooses (see docs/decisions.md): a run that has not trained
 * yet has no training batch, so its membranes are shown from the test batch, saying so
 * ({@link #sourceNoteProperty()}); once it trains, from the training batch. The session keeps recording training
 * batches meanwhile ({@link #recordFromProperty()}), so that they are there as soon as it trains.
 */
public final class MembraneViewModel {

    /** Said where the charts will be until the first recording arrives (the engine starts, the network is built). */
    static final String RECORDING = "Recording the membrane potentials… The charts appear here as soon as the "
            + "network is built and has seen its first batch.";
    /** Said instead when the run failed before anything was recorded. */
    static final String FAILED_BEFORE_RECORDING = "Nothing was recorded: the run failed before its first batch. The "
            + "Train view says why and what to do.";

    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final IntegerProperty layerIndex = new SimpleIntegerProperty(this, "layerIndex", 0);
    private final IntegerProperty channelIndex = new SimpleIntegerProperty(this, "channelIndex", 0);
    private final IntegerProperty cursor;
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final IntegerProperty historyIndex = new SimpleIntegerProperty(this, "historyIndex", 0);
    private final ReadOnlyIntegerWrapper historySize = new ReadOnlyIntegerWrapper(this, "historySize", 0);
    private final ReadOnlyIntegerWrapper timeSteps = new ReadOnlyIntegerWrapper(this, "timeSteps", 0);
    private final ReadOnlyObjectWrapper<MembraneFigure> figure = new ReadOnlyObjectWrapper<>(this, "figure");
    private final ObjectProperty<StatisticsSource> source =
            new SimpleObjectProperty<>(this, "source", StatisticsSource.TRAINING_BATCH);
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", RECORDING);
    private final ReadOnlyIntegerWrapper historyPosition = new ReadOnlyIntegerWrapper(this, "historyPosition", 0);
    private final ObjectProperty<StatisticsSource> recordFrom =
            new SimpleObjectProperty<>(this, "recordFrom", StatisticsSource.TRAINING_BATCH);
    private final ReadOnlyStringWrapper sourceNote = new ReadOnlyStringWrapper(this, "sourceNote", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper(this, "runNote", "");
    /** The number of the run the Train view calls current, or 0 when it is not known. */
    private final IntSupplier currentRunNumber;
    /** The run whose recording {@link #live} is (0 when not known), and the current run's state when it has none. */
    private int recordedRun;
    private int waitingRun;
    private SessionState waitingState;
    /** True until the user chooses a kind of recording: the view model chooses it for the run's state. */
    private boolean automaticSource = true;
    /** True while the view model itself changes {@link #source} (not the user's choice). */
    private boolean choosingSource;

    private ProbeFrame live;
    private SessionSnapshot latest;
    private List<ProbeFrame> history = List.of();

    public MembraneViewModel(ReadOnlyObjectProperty<SessionSnapshot> snapshots) {
        this(snapshots, new TimeCursor());
    }

    /** A view model whose time cursor is {@code cursor}, shared with other views. */
    public MembraneViewModel(ReadOnlyObjectProperty<SessionSnapshot> snapshots, TimeCursor cursor) {
        this(snapshots, cursor, () -> 0);
    }

    /**
     * A view model that names the run each recording belongs to: {@code currentRunNumber} is the number of the run
     * whose snapshots arrive (0 when there is none), asked as each snapshot arrives.
     */
    public MembraneViewModel(ReadOnlyObjectProperty<SessionSnapshot> snapshots, TimeCursor cursor,
                             IntSupplier currentRunNumber) {
        this.currentRunNumber = currentRunNumber;
        this.cursor = cursor.stepProperty();
        snapshots.addListener((obs, old, now) -> accept(now));
        layerIndex.addListener((obs, old, now) -> {
            updateChannels();
            refresh();
        });
        channelIndex.addListener((obs, old, now) -> refresh());
        this.cursor.addListener((obs, old, now) -> refresh());
        followLive.addListener((obs, old, now) -> {
            if (!now) {
                historyIndex.set(Math.max(0, history.size() - 1));
            }
            refresh();
        });
        historyIndex.addListener((obs, old, now) -> refresh());
        source.addListener((obs, old, now) -> {
            if (!choosingSource) {
                automaticSource = false;
                sourceNote.set("");
                recordFrom.set(now);
            }
            refresh();
        });
        accept(snapshots.get());
    }

    private void accept(SessionSnapshot snapshot) {
        int run = currentRunNumber.getAsInt();
        if (snapshot == null || snapshot.probe() == null) {
            if (live == null && snapshot != null) {
                unavailable.set(snapshot.state() == SessionState.FAILED ? FAILED_BEFORE_RECORDING : RECORDING);
            }
            waitingRun = run;
            waitingState = snapshot == null ? null : snapshot.state();
            updateRunTexts();
            return;
        }
        recordedRun = run;
        waitingRun = 0;
        boolean newLive = snapshot.probe() != live;
        boolean newRun = latest == null || !latest.plan().equals(snapshot.plan())
                || snapshot.iteration() < latest.iteration();
        latest = snapshot;
        live = snapshot.probe();
        history = snapshot.history();
        if (newRun) {
            // a new run (or a reset) starts live: the scrubbed-to recording belonged to weights that are gone
            followLive.set(true);
        }
        // the position first: a scrubber clamped to the new size then already stands where the model shows
        historyPosition.set(followLive.get() ? Math.max(0, history.size() - 1)
                : Math.min(historyIndex.get(), Math.max(0, history.size() - 1)));
        historySize.set(history.size());
        if (historyIndex.get() >= history.size()) {
            historyIndex.set(Math.max(0, history.size() - 1));
        }
        List<String> names = live.layers().stream().map(LayerProbe::description).toList();
        if (!names.equals(layers)) {
            int keep = layerIndex.get();
            layers.setAll(names);
            layerIndex.set(Math.min(keep, names.size() - 1));
            updateChannels();
        }
        if (automaticSource) {
            chooseSourceForTheRun();
        }
        timeSteps.set(live.layers().get(0).timeSteps());
        if (cursor.get() >= timeSteps.get()) {
            cursor.set(0);
        }
        if (newLive || !followLive.get()) {
            refresh();
        }
        updateRunTexts();
    }

    /**
     * The header names the run whose recording is shown ("run #9 · LIF 1 · …"), and while the current run has no
     * recording of its own (it is being built, or it failed before its first batch), a note says that the one shown
     * is an earlier run's.
     */
    private void updateRunTexts() {
        MembraneFigure shown = figure.get();
        String named = recordedRun > 0 ? "run #" + recordedRun + " · " : "";
        caption.set(shown == null ? "" : named + shown.caption());
        if (live == null || waitingRun <= 0 || waitingRun == recordedRun || recordedRun <= 0) {
            runNote.set("");
        } else if (waitingState == SessionState.FAILED) {
            runNote.set("Run #" + waitingRun + " failed before recording; shown: run #" + recordedRun
                    + "'s last recording. The Train view says why.");
        } else {
            runNote.set("Run #" + waitingRun + " has no recording yet (it is being built); shown: run #"
                    + recordedRun + "'s last recording.");
        }
    }

    /**
     * The user has not chosen: an untrained run (its newest recording is of the test batch, at iteration 0) is shown
     * from the test batch, a run that has trained from the training batch.
     */
    private void chooseSourceForTheRun() {
        boolean untrained = latest.iteration() == 0 && live.source() == StatisticsSource.PROBE_BATCH;
        sourceNote.set(untrained ? "Shown from the test batch: the run has not trained a batch yet. Once it trains, the "
                + "training batch is shown (or choose one yourself)." : "");
        StatisticsSource shown = untrained ? StatisticsSource.PROBE_BATCH : StatisticsSource.TRAINING_BATCH;
        if (source.get() != shown) {
            choosingSource = true;
            source.set(shown);
            choosingSource = false;
        }
    }

    private void updateChannels() {
        if (live == null || layerIndex.get() < 0 || layerIndex.get() >= live.layers().size()) {
            return;
        }
        int count = live.layers().get(layerIndex.get()).channels();
        List<String> names = new ArrayList<>();
        names.add(count == 0 ? "all neurons (dense layer)" : "all channels");
        for (int c = 0; c < count; c++) {
            names.add("channel " + (c + 1));
        }
        if (!names.equals(channels)) {
            channels.setAll(names);
            channelIndex.set(0);
        }
    }

    private void refresh() {
        historyPosition.set(followLive.get() ? Math.max(0, history.size() - 1) : historyIndex.get());
        boolean showingLive = followLive.get() || history.isEmpty();
        ProbeFrame frame = showingLive ? live : history.get(Math.min(historyIndex.get(), history.size() - 1));
        if (frame == null) {
            return;
        }
        if (frame.source() != source.get()) {
            unavailable.set(showingLive ? missingLive(frame) : missingInHistory(frame));
            figure.set(null);
            updateRunTexts();
            return;
        }
        unavailable.set("");
        int l = Math.max(0, Math.min(layerIndex.get(), frame.layers().size() - 1));
        LayerProbe layer = frame.layers().get(l);
        int channel = channelIndex.get() <= 0 || channelIndex.get() > layer.channels() ? LayerProbe.ALL_CHANNELS
                : channelIndex.get() - 1;
        int t = Math.max(0, Math.min(cursor.get(), layer.timeSteps() - 1));
        figure.set(new MembraneFigure(frame, layer, channel, t, followLive.get() || history.isEmpty()));
        updateRunTexts();
    }

    /** Why the newest recording is not of the chosen kind, and what to do. */
    private String missingLive(ProbeFrame frame) {
        if (source.get() == StatisticsSource.PROBE_BATCH) {
            return "Recording the test batch in evaluation mode… it appears with the next recording.";
        }
        boolean untrained = latest != null && (latest.iteration() == 0 || latest.state() == SessionState.READY);
        if (untrained) {
            return "No training batch yet at iteration " + frame.iteration() + ": the network has not trained. "
                    + "Press One batch (→) or Play, or choose \"test batch\" to see the membranes in evaluation mode.";
        }
        return "The training batch of iteration " + frame.iteration() + " was not recorded (the last pass was the "
                + "test evaluation). Press One batch (→) to record one, or choose \"test batch\".";
    }

    /** Why the chosen recording of the history is not of the chosen kind, and what to do. */
    private String missingInHistory(ProbeFrame frame) {
        String wanted = source.get() == StatisticsSource.PROBE_BATCH ? "test-batch" : "training-batch";
        String kept = frame.source() == StatisticsSource.PROBE_BATCH ? "test batch" : "training batch";
        return "No " + wanted + " recording at iteration " + frame.iteration() + ": the history keeps what was "
                + "recorded during training, here the " + kept + ". Choose \"" + kept + "\", scrub to another "
                + "iteration (↑ / ↓), or tick live.";
    }

    /**
     * The history scrubber moved to {@code index}: shows that recording (leaving live mode), unless it is
     * where the scrubber already is (in live mode that is the newest recording, at the right end).
     */
    public void scrubTo(int index) {
        if (index == historyPosition.get() || history.isEmpty()) {
            return;
        }
        if (followLive.get() && index >= history.size() - 1) {
            // the newest end already is what live mode shows (one recording: the thumb at the right of a 0..1 track)
            return;
        }
        followLive.set(false);
        historyIndex.set(Math.max(0, Math.min(index, history.size() - 1)));
    }

    /** Moves the time cursor one step on, wrapping from T back to 1 (the play button). */
    public void nextStep() {
        if (timeSteps.get() > 0) {
            cursor.set((cursor.get() + 1) % timeSteps.get());
        }
    }

    /** Moves the time cursor one step back, wrapping from 1 to T. */
    public void previousStep() {
        if (timeSteps.get() > 0) {
            cursor.set((cursor.get() + timeSteps.get() - 1) % timeSteps.get());
        }
    }

    /** Scrubs one recording back in the training history (leaving live mode). */
    public void olderRecording() {
        if (history.isEmpty()) {
            return;
        }
        if (followLive.get()) {
            followLive.set(false);
        } else {
            historyIndex.set(Math.max(0, historyIndex.get() - 1));
        }
    }

    /** Scrubs one recording forward; past the newest it returns to live mode. */
    public void newerRecording() {
        if (followLive.get()) {
            return;
        }
        if (historyIndex.get() >= history.size() - 1) {
            followLive.set(true);
        } else {
            historyIndex.set(historyIndex.get() + 1);
        }
    }

    /** The iteration of history entry {@code index}, for the scrubber's label. */
    public long historyIteration(int index) {
        return history.isEmpty() ? 0 : history.get(Math.max(0, Math.min(index, history.size() - 1))).iteration();
    }

    public ObservableList<String> layers() {
        return layers;
    }

    public ObservableList<String> channels() {
        return channels;
    }

    public IntegerProperty layerIndexProperty() {
        return layerIndex;
    }

    /** 0 = all channels, c + 1 = channel c. */
    public IntegerProperty channelIndexProperty() {
        return channelIndex;
    }

    /** The time step under the cursor, 0-based. */
    public IntegerProperty cursorProperty() {
        return cursor;
    }

    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    public IntegerProperty historyIndexProperty() {
        return historyIndex;
    }

    /**
     * Where the history scrubber's thumb belongs: the chosen recording, or in live mode the newest one (the
     * right end).
     */
    public ReadOnlyIntegerProperty historyPositionProperty() {
        return historyPosition.getReadOnlyProperty();
    }

    /**
     * Which kind of recording is shown (training batch or test batch): the user's choice once made (setting it is
     * a choice), until then the view model's.
     */
    public ObjectProperty<StatisticsSource> sourceProperty() {
        return source;
    }

    /**
     * Which kind of recording the session is asked to keep making: the user's choice once made, until then the
     * training batch (shown as soon as the run trains).
     */
    public ReadOnlyObjectProperty<StatisticsSource> recordFromProperty() {
        return recordFrom;
    }

    /**
     * The line above the charts: the run, layer, neurons, iteration and statistics shown, e.g. "run #9 · LIF 1 ·
     * 64 dense · iteration 100 · batch statistics (training mode)"; empty when nothing is drawn.
     */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /**
     * Said while the current run has no recording of its own and an earlier run's is shown, e.g. "Run #10 failed
     * before recording; shown: run #9's last recording."; empty otherwise.
     */
    public ReadOnlyStringProperty runNoteProperty() {
        return runNote.getReadOnlyProperty();
    }

    /** Why the view model chose the kind of recording shown (the user has not); empty once the user chooses. */
    public ReadOnlyStringProperty sourceNoteProperty() {
        return sourceNote.getReadOnlyProperty();
    }

    /**
     * Why nothing is drawn: no recording yet ({@value #RECORDING}), or none of the chosen kind there; empty when a
     * figure is drawn.
     */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty historySizeProperty() {
        return historySize.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty timeStepsProperty() {
        return timeSteps.getReadOnlyProperty();
    }

    /** What to draw, or null before the first recording. */
    public ReadOnlyObjectProperty<MembraneFigure> figureProperty() {
        return figure.getReadOnlyProperty();
    }
}
