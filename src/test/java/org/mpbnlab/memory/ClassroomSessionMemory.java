package org.mpbnlab.memory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.mpbnlab.app.train.RunRecord;
import org.mpbnlab.app.train.TrainViewModel;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.session.SessionSnapshot;

/**
 * A measurement, not a test (run by hand, see docs/memory.md): drives the Train view's model through the classroom
 * session of issue 11 without a screen — the conv-small glyphs sample opened, six runs made with Ctrl+N and trained
 * {@code iterations} batches each, the sample opened again, an mlp-2d run on the spirals sample — with the app's
 * real sessions and pacing, and prints after each run, with the runs kept so far: the Java heap in use after a full
 * collection, the memory ND4J holds outside the heap (JavaCPP's count), and the process's resident and proportional
 * set sizes ({@code /proc/self/smaps_rollup}).
 *
 * <p>{@code java -XX:+UseZGC -cp <test class path> org.mpbnlab.memory.ClassroomSessionMemory [iterations]}
 */
public final class ClassroomSessionMemory {

    private ClassroomSessionMemory() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path samples = Path.of("sample-models");
        ExecutorService ui = Executors.newSingleThreadExecutor();
        BlockingQueue<SessionSnapshot> snapshots = new LinkedBlockingQueue<>();
        RegistryDataCatalog catalog = RegistryDataCatalog.standard();
        SessionFactory sessions = SessionFactory.of(catalog, SessionPacing.interactive());
        RunPlan conv = SampleModels.planOf(samples.resolve("glyphs-conv-small-mpbn.zip"));
        RunPlan spirals = SampleModels.planOf(samples.resolve("spirals-mlp2d-mpbn.zip"));
        TrainViewModel train = ui.submit(() -> {
            TrainViewModel model = new TrainViewModel(catalog, sessions, ui, conv);
            model.snapshotProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    snapshots.add(now);
                }
            });
            return model;
        }).get();
        print("start", train, ui);
        for (int run = 1; run <= 8; run++) {
            RunPlan opened = run == 7 ? conv : run == 8 ? spirals : null;
            snapshots.clear();
            ui.submit(() -> {
                if (opened != null) {
                    train.open(opened);
                } else if (run_is_first(train)) {
                    train.open(conv);
                } else {
                    train.startFromRandomWeights();
                }
                train.playPause();
            }).get();
            awaitIteration(snapshots, iterations);
            ui.submit(train::playPause).get();
            print("run " + run + (opened == conv ? " (sample again)" : opened == spirals ? " (mlp-2d)" : ""),
                    train, ui);
        }
        ui.submit(train::shutdown).get();
        ui.shutdown();
        System.exit(0);
    }

    private static boolean run_is_first(TrainViewModel train) {
        return train.runs().isEmpty();
    }

    private static void awaitIteration(BlockingQueue<SessionSnapshot> snapshots, long iteration)
            throws InterruptedException {
        while (true) {
            SessionSnapshot s = snapshots.poll(600, TimeUnit.SECONDS);
            if (s == null) {
                throw new IllegalStateException("no snapshot for 10 minutes");
            }
            if (s.iteration() >= iteration) {
                return;
            }
        }
    }

    private static void print(String what, TrainViewModel train, ExecutorService ui) throws Exception {
        List<RunRecord> runs = ui.submit(() -> List.copyOf(train.runs())).get();
        long historyBytes = runs.stream().map(RunRecord::latest).filter(s -> s != null)
                .mapToLong(s -> s.history().stream().mapToLong(f -> f.bytes()).sum()
                        + (s.probe() == null ? 0 : s.probe().bytes())).sum();
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%-22s runs %d  heap %5d MiB  recordings %4d MiB  ND4J off-heap %5d MiB (physical %5d MiB)"
                        + "  %s  threads %d%n", what, runs.size(), heap >> 20, historyBytes >> 20,
                Pointer.totalBytes() >> 20, Pointer.physicalBytes() >> 20, smaps(),
                Thread.activeCount());
    }

    private static String smaps() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && List.of("Rss:", "Pss:", "Anonymous:", "Pss_Anon:", "Pss_Shmem:")
                    .contains(parts[0])) {
                out.append(parts[0]).append(' ').append(Long.parseLong(parts[1]) >> 10).append(" MiB ");
            }
        }
        return out.toString().trim();
    }
}
