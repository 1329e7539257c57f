package org.mpbnlab.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.data.DataOrigin;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.io.JsonFieldException;
import org.mpbnlab.io.JsonFields;
import org.mpbnlab.snn.NamedChoices;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * The {@code info} and {@code input} fields of {@code model.json} ↔ {@link ModelInfo} and
 * {@link InputDescription}, field by field and strictly ({@link JsonFields}); see
 * {@code docs/model-format.md}.
 */
final class ModelInfoJson {

    private static final int MAX_EPOCHS = 1_000_000;
    private static final int MAX_CLASSES = 1 << 20;

    private ModelInfoJson() {
    }

    static ObjectNode writeInfo(ModelInfo info) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("dataset", info.dataset());
        json.put("encoder", info.encoder());
        json.put("seed", info.seed());
        if (info.settings() != null) {
            json.set("settings", writeSettings(info.settings()));
        }
        ArrayNode history = json.putArray("history");
        for (EpochMetrics m : info.history()) {
            ObjectNode epoch = history.addObject().put("epoch", m.epoch());
            metric(epoch, "trainLoss", m.trainLoss());
            metric(epoch, "trainAccuracy", m.trainAccuracy());
            metric(epoch, "testLoss", m.testLoss());
            metric(epoch, "testAccuracy", m.testAccuracy());
            metric(epoch, "trainSamplesPerSecond", m.trainSamplesPerSecond());
        }
        json.put("origin", info.origin());
        return json;
    }

    static ObjectNode writeInput(InputDescription input, long seed) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("dataset", input.dataset());
        ObjectNode origin = json.putObject("origin").put("kind", input.origin().kind())
                .put("format", input.origin().format());
        if (input.origin().location() != null) {
            origin.put("location", input.origin().location());
        }
        ArrayNode names = json.putArray("classNames");
        input.classNames().forEach(names::add);
        ArrayNode shape = json.putArray("sampleShape");
        for (int d : input.sampleShape()) {
            shape.add(d);
        }
        json.put("dataSteps", input.dataSteps());
        json.put("timeSteps", input.timeSteps());
        json.put("rawDivisor", input.origin().rawDivisor());
        ObjectNode normalisation = json.putObject("normalisation");
        ArrayNode mean = normalisation.putArray("mean");
        for (double m : input.mean()) {
            mean.add(m);
        }
        ArrayNode std = normalisation.putArray("std");
        for (double s : input.std()) {
            std.add(s);
        }
        normalisation.put("intensityMin", input.intensityMin()).put("intensityMax", input.intensityMax());
        ObjectNode encoder = json.putObject("encoder").put("name", input.encoder());
        if ("latency".equals(input.encoder())) {
            encoder.put("silentBelow", InputDescription.latencySilentBelow());
        } else if ("rate".equals(input.encoder())) {
            encoder.put("seed", seed);
        }
        return json;
    }

    /** Reads {@code info}; {@code input} may be null (files written before it was recorded). */
    static ModelInfo read(JsonFields info, JsonFields input) {
        String dataset = info.text("dataset");
        String encoder = info.text("encoder");
        long seed = info.longInteger("seed");
        JsonFields settingsJson = info.optionalObject("settings");
        JsonFields trainingJson = info.optionalObject("training");
        RunSettings settings = settingsJson != null ? readSettings(settingsJson)
                : trainingJson != null ? fromTraining(readTraining(trainingJson), dataset, trainingJson) : null;
        List<EpochMetrics> history = new ArrayList<>();
        for (JsonFields epoch : info.objects("history", MAX_EPOCHS)) {
            history.add(new EpochMetrics(epoch.integer("epoch", 1, MAX_EPOCHS), metric(epoch, "trainLoss"),
                    metric(epoch, "trainAccuracy"), metric(epoch, "testLoss"), metric(epoch, "testAccuracy"),
                    metric(epoch, "trainSamplesPerSecond")));
            epoch.rejectOtherFields();
        }
        String origin = info.text("origin");
        info.rejectOtherFields();
        return new ModelInfo(dataset, encoder, seed, settings, history, origin,
                input == null ? null : readInput(input));
    }

    /** {@code info.settings}: every setting of the table by name, numbers as numbers, the flag as a boolean. */
    static ObjectNode writeSettings(RunSettings settings) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        settings.values().forEach((name, value) -> {
            if (value instanceof Integer i) {
                json.put(name, i);
            } else if (value instanceof Long l) {
                json.put(name, l);
            } else if (value instanceof Double d) {
                json.put(name, d);
            } else if (value instanceof Boolean b) {
                json.put(name, b);
            } else {
                json.put(name, String.valueOf(value));
            }
        });
        return json;
    }

    /**
     * Reads {@code info.settings}: each setting of the table in its JSON type and checked against the table;
     * a missing one keeps its default, an unknown one is refused by name.
     */
    static RunSettings readSettings(JsonFields json) {
        RunSettings settings = RunSettings.defaults();
        for (Setting<?> setting : SettingsTable.all()) {
            if (json.has(setting.name())) {
                settings = readSetting(json, setting, settings);
            }
        }
        json.rejectOtherFields();
        return settings;
    }

    private static <T> RunSettings readSetting(JsonFields json, Setting<T> setting, RunSettings settings) {
        String name = setting.name();
        Object value;
        if (setting.type() == Integer.class) {
            value = json.integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (setting.type() == Long.class) {
            value = json.longInteger(name);
        } else if (setting.type() == Double.class) {
            value = json.number(name);
        } else if (setting.type() == Boolean.class) {
            value = json.flag(name);
        } else {
            value = json.text(name);
        }
        try {
            return settings.with(setting, setting.type().cast(value));
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(json.path() + "." + name + " " + e.getMessage());
        }
    }

    /**
     * Files written before the settings table recorded only the training part (and the data set beside it):
     * those become settings, the rest keep their defaults (the network's own description says the rest).
     */
    private static RunSettings fromTraining(TrainingConfig t, String dataset, JsonFields json) {
        try {
            return RunSettings.defaults().with(SettingsTable.DATASET, dataset).with(SettingsTable.EPOCHS, t.epochs())
                    .with(SettingsTable.BATCH, t.batchSize()).with(SettingsTable.OPTIMIZER, t.optimizer())
                    .with(SettingsTable.LEARNING_RATE, t.learningRate())
                    .with(SettingsTable.WEIGHT_DECAY, t.weightDecay())
                    .with(SettingsTable.SCHEDULE, t.schedule().id()).with(SettingsTable.SEED, t.seed());
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(json.path() + ": " + e.getMessage());
        }
    }

    private static TrainingConfig readTraining(JsonFields json) {
        TrainingConfig config = guarded(json, () -> new TrainingConfig(json.integer("epochs", 1, MAX_EPOCHS),
                json.integer("batchSize", 2, Integer.MAX_VALUE), json.choice("optimizer", List.of("sgd", "adam")),
                json.number("learningRate"), json.number("weightDecay"),
                LearningRateSchedule.byId(json.choice("schedule", NamedChoices.ids(LearningRateSchedule.values(),
                        LearningRateSchedule::id))), json.longInteger("seed")));
        json.rejectOtherFields();
        return config;
    }

    private static InputDescription readInput(JsonFields json) {
        String dataset = json.text("dataset");
        JsonFields originJson = json.object("origin");
        String kind = originJson.choice("kind", DataOrigin.KINDS);
        String format = originJson.choice("format", DataOrigin.FORMATS);
        String location = originJson.optionalText("location", null);
        originJson.rejectOtherFields();
        List<String> classNames = json.texts("classNames", MAX_CLASSES);
        int[] sampleShape = json.integers("sampleShape", 4, 1, Integer.MAX_VALUE);
        int dataSteps = json.integer("dataSteps", 0, Integer.MAX_VALUE);
        int timeSteps = json.integer("timeSteps", 1, Integer.MAX_VALUE);
        double rawDivisor = json.number("rawDivisor");
        JsonFields normalisation = json.object("normalisation");
        double[] mean = normalisation.numbers("mean", MAX_CLASSES);
        double[] std = normalisation.numbers("std", MAX_CLASSES);
        double intensityMin = normalisation.number("intensityMin");
        double intensityMax = normalisation.number("intensityMax");
        normalisation.rejectOtherFields();
        JsonFields encoderJson = json.object("encoder");
        String encoder = encoderJson.choice("name", Encoders.names());
        if (encoderJson.has("silentBelow")) {
            encoderJson.number("silentBelow");
        }
        if (encoderJson.has("seed")) {
            encoderJson.longInteger("seed");
        }
        encoderJson.rejectOtherFields();
        json.rejectOtherFields();
        DataOrigin origin = guarded(originJson, () -> new DataOrigin(kind, format, location, rawDivisor));
        return guarded(json, () -> new InputDescription(dataset, origin, classNames, sampleShape, dataSteps,
                timeSteps, mean, std, intensityMin, intensityMax, encoder));
    }

    /** Builds a value whose own checks may refuse it, and names the object they refused. */
    private static <T> T guarded(JsonFields json, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (JsonFieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFieldException(json.path() + ": " + stripOptionNames(e.getMessage()));
        }
    }

    /** The engine's messages name command-line options ("--lr must …"); in a file they name fields. */
    private static String stripOptionNames(String message) {
        return message.replace("--epochs", "epochs").replace("--batch", "batchSize").replace("--optimizer", "optimizer")
                .replace("--lr", "learningRate").replace("--weight-decay", "weightDecay");
    }

    /** A metric is a number, or null when it was not a number (a diverged epoch's loss). */
    private static void metric(ObjectNode json, String name, double value) {
        if (Double.isFinite(value)) {
            json.put(name, value);
        } else {
            json.putNull(name);
        }
    }

    private static double metric(JsonFields json, String name) {
        if (json.has(name) && json.node().get(name).isNull()) {
            json.allow(name);
            return Double.NaN;
        }
        return json.number(name);
    }
}
