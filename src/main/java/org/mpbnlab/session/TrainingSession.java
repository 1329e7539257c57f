package org.mpbnlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetException;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.probe.LayerProbe;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.train.BatchResult;
import org.mpbnlab.train.EpochMetrics;
import org.mpbnlab.train.Evaluation;
import org.mpbnlab.train.InputDescription;
import org.mpbnlab.train.ModelInfo;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.TrainingDivergedException;

/**
 * One training run on its own worker thread. Commands (play, pause, step, reset, probe source) are
 * queued and carried out between two batches; {@link SessionSnapshot}s go out to the listener at a
 * bounded rate ({@link SessionPacing}) and on every change of state. Nothing here blocks its caller.
 *
 * <p>Reset rebuilds the network from the same settings and seed, so it returns to exactly the same
 * initial weights and the same batch order.
 */
public final class TrainingSession implements RunControl {

    private enum Kind { PLAY, PAUSE, STEP, RESET, SOURCE, COPY, CLOSE }

    /**
     * One session uses the engine at a time: a new run's worker waits until the closed run's worker has
     * finished its last batch, so that two runs never compete for the two cores of a classroom laptop
     * (and starve the UI). A session holds it until it is closed.
     */
    private static final Semaphore ENGINE = new Semaphore(1);

    private record Command(Kind kind, StatisticsSource source, CompletableFuture<CurrentModel> reply) {

        Command(Kind kind, StatisticsSource source) {
            this(kind, source, null);
        }
    }

    private final RunPlan plan;
    private final DataCatalog catalog;
    private final SessionPacing pacing;
    private final SessionListener listener;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread worker;
    /** Set (under the queue's lock) when the worker has ended: no copy can be made any more. */
    private boolean ended;

    // Worker-thread state from here on.
    private Dataset dataset;
    private RunEngine engine;
    private SessionState state = SessionState.PREPARING;
    private StatisticsSource source;
    private final CurveRecorder trainLoss = new CurveRecorder("train loss", 4000);
    private final CurveRecorder trainAccuracy = new CurveRecorder("train accuracy", 4000);
    private final CurveRecorder testLoss = new CurveRecorder("test loss", 1000);
    private final CurveRecorder testAccuracy = new CurveRecorder("test accuracy", 1000);
    private final List<CurveRecorder> firingRates = new ArrayList<>();
    private final ProbeHistory history = new ProbeHistory(ProbeHistory.DEFAULT_CAPACITY);
    private ProbeFrame latest;
    private String message = "";
    private long lastPublishNanos;
    private long lastProbeNanos;
    private long lastProbeCost;
    private double samplesPerSecond;
    /** The newest point of the test curve and what it measured, or null before the first. */
    private TestMeasurement latestTest;
    /** Epochs whose end-of-epoch test measurement is on the test curve. */
    private int epochsTested;

    /**
     * @param source which pass membrane recordings are taken from at first
     */
    public TrainingSession(RunPlan plan, DataCatalog catalog, SessionPacing pacing, StatisticsSource source,
                           SessionListener listener) {
        this.plan = plan;
        this.catalog = catalog;
        this.pacing = pacing;
        this.source = source;
        this.listener = listener;
        this.worker = new Thread(this::work, "training-session");
        worker.setDaemon(true);
    }

    @Override
    public RunPlan plan() {
        return plan;
    }

    /** Starts the worker: it loads the data, builds the network and publishes a READY snapshot. */
    @Override
    public void start() {
        listener.published(SessionSnapshot.preparing(plan, source));
        worker.start();
    }

    @Override
    public void play() {
        commands.add(new Command(Kind.PLAY, null));
    }

    @Override
    public void pause() {
        commands.add(new Command(Kind.PAUSE, null));
    }

    /** Trains exactly one batch (when not running) and pauses. */
    @Override
    public void step() {
        commands.add(new Command(Kind.STEP, null));
    }

    /** Back to the initial weights of the same seed; curves and history are cleared. */
    @Override
    public void reset() {
        commands.add(new Command(Kind.RESET, null));
    }

    /** Takes future membrane recordings from {@code newSource}, re-recording now when not training. */
    @Override
    public void recordFrom(StatisticsSource newSource) {
        commands.add(new Command(Kind.SOURCE, newSource));
    }

    @Override
    public CompletableFuture<CurrentModel> copyModel() {
        CompletableFuture<CurrentModel> reply = new CompletableFuture<>();
        synchronized (commands) {
            if (ended) {
                reply.completeExceptionally(new IllegalStateException("the run was closed"));
            } else {
                commands.add(new Command(Kind.COPY, null, reply));
            }
        }
        return reply;
    }

    /**
     * Asks the worker to stop after the current batch and returns at once (the UI thread calls this when
     * a new run replaces the current one; waiting for the batch would freeze the window).
     */
    @Override
    public void close() {
        commands.add(new Command(Kind.CLOSE, null));
    }

    /** Waits up to {@code millis} for the worker to end after {@link #close()}; true if it has. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        worker.join(millis);
        return !worker.isAlive();
    }

    private void work() {
        // the window's threads first when they want this thread's core (a free core is used at full speed)
        EnginePriority.yieldToTheWindow();
        try {
            ENGINE.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            EngineTurns.runChecked(this::prepare);
            while (true) {
                Command command = state == SessionState.RUNNING ? commands.poll() : commands.take();
                if (command != null && command.kind() == Kind.CLOSE) {
                    return;
                }
                // one turn at the engine per batch: a view's recording asked for meanwhile runs before the next
                EngineTurns.runChecked(() -> {
                    if (command != null) {
                        handle(command);
                    }
                    if (state == SessionState.RUNNING) {
                        trainOneBatch();
                    }
                });
                if (state == SessionState.RUNNING && pacing.pauseBetweenMillis() > 0) {
                    Thread.sleep(pacing.pauseBetweenMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ModelFileException e) {
            fail(e);
        } finally {
            refuseWaitingCopies();
            releaseEngine();
            ENGINE.release();
        }
    }

    /**
     * Drops this run's engine and data (its snapshots, which the run list keeps, hold only recordings and curves),
     * has them collected now (ND4J frees an array's native memory only once the Java object is collected; with ZGC
     * the collection runs beside the other threads, the window's included, with pauses under a millisecond) and gives
     * the native memory freed so far back to the system ({@link NativeHeap}).
     */
    private void releaseEngine() {
        engine = null;
        dataset = null;
        System.gc();
        NativeHeap.trim();
    }

    private void prepare() throws ModelFileException {
        // what the closed run's arrays freed since its worker ended goes back before this run takes its own
        NativeHeap.trim();
        if (pacing.engineThreads() > 0) {
            EngineThreads.limit(pacing.engineThreads());
        }
        dataset = catalog.load(plan.settings());
        build();
    }

    private void build() throws ModelFileException {
        engine = new RunEngine(plan, dataset, pacing.testSamples());
        if (pacing.engineThreads() > 0) {
            engine.network().setLoopThreads(pacing.engineThreads());
        }
        engine.allocateForEpochEnd();
        trainLoss.clear();
        trainAccuracy.clear();
        testLoss.clear();
        testAccuracy.clear();
        firingRates.clear();
        for (int l = 0; l < engine.network().neuronLayers().size(); l++) {
            firingRates.add(new CurveRecorder("firing rate LIF " + (l + 1), 4000));
        }
        history.clear();
        samplesPerSecond = 0;
        epochsTested = 0;
        latestTest = null;
        message = "";
        state = SessionState.READY;
        recordAndPublish();
        evaluateTest();
        publish();
    }

    private void handle(Command command) throws ModelFileException {
        switch (command.kind()) {
            case PLAY -> {
                if (state.canTrain() && state != SessionState.RUNNING) {
                    state = SessionState.RUNNING;
                    message = "";
                    publish();
                }
            }
            case PAUSE -> {
                if (state == SessionState.RUNNING) {
                    state = SessionState.PAUSED;
                    recordAndPublish();
                }
            }
            case STEP -> {
                if (state.canTrain() && state != SessionState.RUNNING) {
                    state = SessionState.PAUSED;
                    trainOneBatch();
                    if (state == SessionState.PAUSED) {
                        publish();
                    }
                }
            }
            case RESET -> {
                if (state != SessionState.FAILED) {
                    build();
                }
            }
            case SOURCE -> {
                source = command.source();
                if (state != SessionState.RUNNING && state != SessionState.FAILED) {
                    recordAndPublish();
                }
            }
            case COPY -> command.reply().complete(copy());
            default -> throw new IllegalStateException("unexpected command " + command);
        }
    }

    /** The network as it is now, in arrays of its own, with what a model file needs to say where it came from. */
    private CurrentModel copy() {
        Network network = engine.network();
        Network copy = NetworkBuilder.build(network.spec(), network.dataType(), 0);
        copy.copyMatchingStateFrom(network);
        copy.setLoopThreads(network.loopThreads());
        RunSettings settings = plan.settings();
        Encoder encoder = RunFactory.encoder(settings, dataset);
        ModelInfo info = new ModelInfo(dataset.name(), encoder.name(), settings.seed(), settings,
                engine.trainer().history(), "trained with MPBN Lab (" + plan.label() + ")",
                InputDescription.of(dataset, encoder, network.spec().timeSteps()));
        return new CurrentModel(copy, info, dataset, encoder, engine.trainer().iteration());
    }

    /** Copies asked for but not made, because the run ended first, fail with the reason. */
    private void refuseWaitingCopies() {
        synchronized (commands) {
            ended = true;
            for (Command command = commands.poll(); command != null; command = commands.poll()) {
                if (command.kind() == Kind.COPY) {
                    command.reply().completeExceptionally(new IllegalStateException(
                            state == SessionState.FAILED ? "the run failed" : "the run was closed"));
                }
            }
        }
    }

    private void trainOneBatch() {
        BatchResult result;
        long start = System.nanoTime();
        long recording = 0;
        try {
            long[] recordingNanos = {0};
            result = engine.trainer().trainBatch(batch -> recordingNanos[0] = recordIfDue(batch));
            recording = recordingNanos[0];
        } catch (TrainingDivergedException e) {
            state = SessionState.PAUSED;
            message = e.getMessage();
            recordAndPublish();
            return;
        }
        double seconds = (System.nanoTime() - start - recording) / 1e9;
        double rate = plan.settings().batchSize() / Math.max(seconds, 1e-9);
        samplesPerSecond = samplesPerSecond == 0 ? rate : 0.9 * samplesPerSecond + 0.1 * rate;
        trainLoss.add(result.iteration(), result.loss());
        trainAccuracy.add(result.iteration(), result.accuracy());
        for (int l = 0; l < firingRates.size(); l++) {
            firingRates.get(l).add(result.iteration(), result.firingRates()[l]);
        }
        boolean finished = engine.trainer().finished();
        long now = System.nanoTime();
        int epochs = engine.trainer().history().size();
        if (epochs > epochsTested) {
            // an epoch ended: the trainer has just measured the whole test split, as `train` reports it
            EpochMetrics epoch = engine.trainer().history().get(epochs - 1);
            int split = dataset.test().count();
            addTest(new TestMeasurement(result.iteration(), split, split, epoch.testAccuracy(), epoch.testLoss()));
            epochsTested = epochs;
        } else if (finished || result.iteration() % pacing.testEvery() == 0) {
            evaluateTest();
        }
        if (finished) {
            state = SessionState.FINISHED;
            publish();
        } else if (state == SessionState.RUNNING
                && now - lastPublishNanos >= TimeUnit.MILLISECONDS.toNanos(pacing.publishMillis())) {
            publish();
        }
    }

    /** Between epochs' ends, the live test curve measures the first test samples (the pacing's subset). */
    private void evaluateTest() {
        Evaluation test = engine.evaluateTestSubset();
        addTest(new TestMeasurement(engine.trainer().iteration(), test.samples(), dataset.test().count(),
                test.accuracy(), test.loss()));
    }

    private void addTest(TestMeasurement test) {
        testLoss.add(test.iteration(), test.loss());
        testAccuracy.add(test.iteration(), test.accuracy());
        latestTest = test;
    }

    /**
     * Records the membrane right after the batch's training pass (before an epoch's test evaluation runs
     * another pass) when a recording is due: always after the last batch or a single step, while playing at
     * the pacing's interval. Returns the nanoseconds the recording took (0 when none was due).
     */
    private long recordIfDue(BatchResult batch) {
        boolean last = batch.iteration() == engine.trainer().totalIterations();
        long now = System.nanoTime();
        long probeInterval = Math.max(TimeUnit.MILLISECONDS.toNanos(pacing.probeMillis()), 4 * lastProbeCost);
        if (last || state != SessionState.RUNNING || now - lastProbeNanos >= probeInterval) {
            record();
            return lastProbeCost;
        }
        return 0;
    }

    /** Records the membrane; while training, the next recording waits at least 4× this one's cost. */
    private void record() {
        long start = System.nanoTime();
        ProbeFrame frame = engine.record(source);
        if (frame != latest) {
            history.offer(frame);
        }
        latest = frame;
        lastProbeNanos = System.nanoTime();
        lastProbeCost = lastProbeNanos - start;
    }

    private void recordAndPublish() {
        record();
        publish();
    }

    private void publish() {
        lastPublishNanos = System.nanoTime();
        List<MetricCurve> rates = firingRates.stream().map(CurveRecorder::snapshot).toList();
        TrainingCurves curves = new TrainingCurves(trainLoss.snapshot(), trainAccuracy.snapshot(),
                testLoss.snapshot(), testAccuracy.snapshot(), rates);
        List<String> names = latest == null ? List.of()
                : latest.layers().stream().map(LayerProbe::description).toList();
        listener.published(new SessionSnapshot(plan, state, engine.trainer().iteration(),
                engine.trainer().totalIterations(), engine.trainer().history().size(), curves, names, latest,
                history.frames(), source, state == SessionState.RUNNING ? samplesPerSecond : 0, message, latestTest));
    }

    private void fail(Exception e) {
        state = SessionState.FAILED;
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        FailureCause cause = e instanceof DatasetException ? FailureCause.DATA_SET
                : e instanceof ModelFileException ? FailureCause.MODEL_FILE : FailureCause.OTHER;
        listener.published(SessionSnapshot.failed(plan, source, "could not train: " + reason, cause));
    }
}
