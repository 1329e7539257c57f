package org.mpbnlab.app.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mpbnlab.cli.MpbnLabCommand;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SessionFactory;
import org.mpbnlab.session.SessionPacing;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * Issue 10: the same settings give the same run in the app and on the command line. The settings go through
 * the app's view model (its form, its sessions, headless) and through {@code train}'s options; the losses of
 * the first batches must be bit-identical.
 */
class AppAndCommandLineParityTest {

    private static final int BATCHES = 4;

    /** Settings away from most defaults: a stochastic encoder, SGD's derived weight decay, detached reset. */
    private static final RunSettings SETTINGS = RunSettings.defaults()
            .with(SettingsTable.DATASET, "glyphs").with(SettingsTable.ARCH, "mlp")
            .with(SettingsTable.TRAIN_SAMPLES, BATCHES * 32).with(SettingsTable.TEST_SAMPLES, 200)
            .with(SettingsTable.ENCODER, "rate").with(SettingsTable.TIME_STEPS, 3)
            .with(SettingsTable.MPBN_STATS, "per-step").with(SettingsTable.DETACH_RESET, true)
            .with(SettingsTable.OPTIMIZER, "sgd").with(SettingsTable.LEARNING_RATE, 0.05)
            .with(SettingsTable.BATCH, 32).with(SettingsTable.EPOCHS, 1).with(SettingsTable.SEED, 11L);

    @Test
    void theAppsViewModelAndTrainGiveBitIdenticalLosses() throws Exception {
        JsonNode summary = commandLine();
        SessionSnapshot app = appRun();
        assertArrayEquals(losses(summary), app.curves().trainLoss().values());
        assertEquals(summary.get("testAccuracy").asDouble(), app.curves().testAccuracy().last(),
                "at the epoch's end the app's test curve shows train's figure on the whole test split, although "
                        + "its live curve measures only the first 64 samples in between");
    }

    /** {@code train} with one option per setting of the table, as a user would type them. */
    private static JsonNode commandLine() throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "--json"));
        for (Setting<?> setting : SettingsTable.all()) {
            Object value = SETTINGS.get(setting);
            if (setting.type() == Boolean.class) {
                if ((Boolean) value) {
                    args.add(setting.option());
                }
            } else {
                args.add(setting.option());
                args.add(setting.format(value));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MpbnLabCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        String[] lines = out.toString().strip().split("\n");
        JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(SETTINGS, RunSettings.fromValues(new ObjectMapper().convertValue(summary.get("settings"),
                java.util.Map.class)), "train ran the settings given");
        return summary;
    }

    private static double[] losses(JsonNode summary) {
        JsonNode losses = summary.get("trainLossPerBatch");
        assertEquals(BATCHES, losses.size());
        double[] values = new double[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            values[i] = losses.get(i).asDouble();
        }
        return values;
    }

    /** The app's view model with real sessions: the form typed in, then "One batch" pressed four times. */
    private static SessionSnapshot appRun() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            BlockingQueue<SessionSnapshot> snapshots = new LinkedBlockingQueue<>();
            RegistryDataCatalog catalog = RegistryDataCatalog.standard();
            SessionFactory sessions = SessionFactory.of(catalog, new SessionPacing(0, 0, 1000, 64, 0, 0));
            TrainViewModel model = ui.submit(() -> {
                TrainViewModel m = new TrainViewModel(catalog, sessions, ui,
                        RunPlan.fromRandomWeights(RunSettings.defaults()));
                for (Setting<?> setting : SettingsTable.all()) {
                    m.form().field(setting).textProperty().set(setting.format(SETTINGS.get(setting)));
                }
                m.snapshotProperty().addListener((obs, old, now) -> {
                    if (now != null) {
                        snapshots.add(now);
                    }
                });
                return m;
            }).get();
            assertEquals(SETTINGS, ui.submit(model::settings).get(), "the form holds the settings typed in");
            SessionSnapshot last = null;
            for (int batch = 1; batch <= BATCHES; batch++) {
                ui.submit(model::step).get();
                do {
                    last = snapshots.poll(120, TimeUnit.SECONDS);
                    assertEquals(true, last != null, "no snapshot for batch " + batch);
                } while (last.iteration() < batch || last.curves().trainLoss().size() < batch
                        || batch == BATCHES && last.state() != org.mpbnlab.session.SessionState.FINISHED);
            }
            ui.submit(model::shutdown).get();
            assertEquals(SETTINGS, last.settings());
            return last;
        } finally {
            ui.shutdownNow();
        }
    }
}
