package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * Legend texts for compared runs: each run is named by the settings in which the runs differ (e.g.
 * {@code "#1 MPBN off"}, {@code "#2 MPBN channel"}), and the settings they share are written once. Every
 * setting of the table takes part, plus where the run's weights came from.
 */
public final class RunLabels {

    private static final Map<String, Function<RunPlan, String>> PARTS = new LinkedHashMap<>();

    static {
        for (Setting<?> setting : SettingsTable.all()) {
            PARTS.put(setting.name(), plan -> text(setting, plan.settings().get(setting)));
        }
        PARTS.put("start", plan -> plan.startingModel() == null ? "random init"
                : "from " + plan.startingModel().getFileName());
    }

    private RunLabels() {
    }

    /** A setting's value as a legend writes it: "MPBN off", "T4", "B32", "1 epoch", "lr 0.1", "τ 0.25". */
    static String text(Setting<?> setting, Object value) {
        String v = setting.format(value);
        if (setting == SettingsTable.DATASET || setting == SettingsTable.ARCH || setting == SettingsTable.OPTIMIZER) {
            return v;
        }
        if (setting == SettingsTable.MPBN) {
            return "MPBN " + v;
        }
        if (setting == SettingsTable.MPBN_STATS) {
            return v + " stats";
        }
        if (setting == SettingsTable.TIME_STEPS) {
            return "T" + v;
        }
        if (setting == SettingsTable.BATCH) {
            return "B" + v;
        }
        if (setting == SettingsTable.EPOCHS) {
            return RunSettingsText.count((Integer) value, "epoch");
        }
        if (setting == SettingsTable.SURROGATE) {
            return v + " surrogate";
        }
        if (setting == SettingsTable.LEARNING_RATE) {
            return "lr " + v;
        }
        if (setting == SettingsTable.DETACH_RESET) {
            return Boolean.TRUE.equals(value) ? "detached reset" : "reset with gradient";
        }
        if (setting == SettingsTable.TRAIN_SAMPLES || setting == SettingsTable.TEST_SAMPLES) {
            String split = setting == SettingsTable.TRAIN_SAMPLES ? "train" : "test";
            return Integer.valueOf(0).equals(value) ? "all " + split + " samples" : v + " " + split + " samples";
        }
        if (setting == SettingsTable.ENCODER) {
            return v + " encoder";
        }
        return setting.label() + " " + v;
    }

    /** One legend text per run, in order: "#n" and the settings that differ between the runs. */
    public static List<String> legend(List<Integer> numbers, List<RunPlan> runs) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (Function<RunPlan, String> part : PARTS.values()) {
                if (differs(part, runs)) {
                    parts.add(part.apply(runs.get(i)));
                }
            }
            if (parts.isEmpty() && runs.size() == 1) {
                parts.add(PARTS.get(SettingsTable.MPBN.name()).apply(runs.get(i)));
            }
            labels.add("#" + numbers.get(i) + (parts.isEmpty() ? "" : " " + String.join(" · ", parts)));
        }
        return labels;
    }

    /**
     * The settings all runs share, e.g. "glyphs · conv-small · T4 · …": the ones every lesson talks about,
     * and any other setting only when it is not at its default (so the line stays short).
     */
    public static String common(List<RunPlan> runs) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Function<RunPlan, String>> part : PARTS.entrySet()) {
            if (!runs.isEmpty() && !differs(part.getValue(), runs) && worthSaying(part.getKey(), runs.get(0))) {
                parts.add(part.getValue().apply(runs.get(0)));
            }
        }
        return String.join(" · ", parts);
    }

    private static final List<Setting<?>> ALWAYS_SAID = List.of(SettingsTable.DATASET, SettingsTable.ARCH,
            SettingsTable.MPBN, SettingsTable.MPBN_STATS, SettingsTable.TIME_STEPS, SettingsTable.TAU,
            SettingsTable.THRESHOLD, SettingsTable.OPTIMIZER, SettingsTable.LEARNING_RATE, SettingsTable.BATCH,
            SettingsTable.EPOCHS, SettingsTable.SEED);

    private static boolean worthSaying(String name, RunPlan run) {
        return SettingsTable.byName(name).map(setting -> ALWAYS_SAID.contains(setting)
                || !run.settings().get(setting).equals(setting.defaultFor(run.settings()))).orElse(true);
    }

    private static boolean differs(Function<RunPlan, String> part, List<RunPlan> runs) {
        return runs.stream().map(part).distinct().count() > 1;
    }
}
