package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mpbnlab.session.RunSettings;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.RunningStatsMode;

/**
 * Legend texts for compared runs: each run is named by the settings in which the runs differ (e.g.
 * {@code "#1 MPBN off"}, {@code "#2 MPBN channel"}), and the settings they share are written once.
 */
public final class RunLabels {

    private static final Map<String, Function<RunSettings, String>> SETTINGS = new LinkedHashMap<>();

    static {
        SETTINGS.put("dataset", RunSettings::dataset);
        SETTINGS.put("preset", RunSettings::preset);
        SETTINGS.put("mpbn", s -> s.mpbnMode() == MpbnMode.OFF ? "MPBN off" : "MPBN " + s.mpbnMode().id());
        SETTINGS.put("stats", s -> s.runningStats() == RunningStatsMode.SHARED ? "shared stats" : "per-step stats");
        SETTINGS.put("T", s -> "T" + s.timeSteps());
        SETTINGS.put("tau", s -> "τ " + RunSettingsText.number(s.tau()));
        SETTINGS.put("vth", s -> "V_th " + RunSettingsText.number(s.threshold()));
        SETTINGS.put("surrogate", s -> s.surrogate().id() + " surrogate");
        SETTINGS.put("optimizer", RunSettings::optimizer);
        SETTINGS.put("lr", s -> "lr " + RunSettingsText.number(s.learningRate()));
        SETTINGS.put("batch", s -> "B" + s.batchSize());
        SETTINGS.put("epochs", s -> RunSettingsText.count(s.epochs(), "epoch"));
        SETTINGS.put("seed", s -> "seed " + s.seed());
        SETTINGS.put("start", s -> s.initialModel() == null ? "random init" : "from " + s.initialModel().getFileName());
    }

    private RunLabels() {
    }

    /** One legend text per run, in order: "#n" and the settings that differ between the runs. */
    public static List<String> legend(List<Integer> numbers, List<RunSettings> runs) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (Function<RunSettings, String> setting : SETTINGS.values()) {
                if (differs(setting, runs)) {
                    parts.add(setting.apply(runs.get(i)));
                }
            }
            if (parts.isEmpty() && runs.size() == 1) {
                parts.add(setting("mpbn", runs.get(i)));
            }
            labels.add("#" + numbers.get(i) + (parts.isEmpty() ? "" : " " + String.join(" · ", parts)));
        }
        return labels;
    }

    /** The settings all runs share, e.g. "glyphs · conv-small · T4 · …". */
    public static String common(List<RunSettings> runs) {
        List<String> parts = new ArrayList<>();
        for (Function<RunSettings, String> setting : SETTINGS.values()) {
            if (!runs.isEmpty() && !differs(setting, runs)) {
                parts.add(setting.apply(runs.get(0)));
            }
        }
        return String.join(" · ", parts);
    }

    private static String setting(String key, RunSettings run) {
        return SETTINGS.get(key).apply(run);
    }

    private static boolean differs(Function<RunSettings, String> setting, List<RunSettings> runs) {
        return runs.stream().map(setting).distinct().count() > 1;
    }
}
