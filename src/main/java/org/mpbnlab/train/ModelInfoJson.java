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
        if (info.training() != null) {
            TrainingConfig t = info.training();
            json.putObject("training").put("epochs", t.epochs()).put("batchSize", t.batchSize())
                    .put("optimizer", t.optimizer()).put("learningRate", t.learningRate())
                    .put("weightDecay", t.weightDecay()).put("schedule", t.schedule().id()).put("seed", t.seed());
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
        JsonFields trainingJson = info.optionalObject("training");
        TrainingConfig training = trainingJson == null ? null : readTraining(trainingJson);
        List<EpochMetrics> history = new ArrayList<>();
        for (JsonFields epoch : info.objects("history", MAX_EPOCHS)) {
            history.add(new EpochMetrics(epoch.integer("epoch", 1, MAX_EPOCHS), metric(epoch, "trainLoss"),
                    metric(epoch, "trainAccuracy"), metric(epoch, "testLoss"), metric(epoch, "testAccuracy"),
                    metric(epoch, "trainSamplesPerSecond")));
            epoch.rejectOtherFields();
        }
        String origin = info.text("origin");
        info.rejectOtherFields();
        return new ModelInfo(dataset, encoder, seed, training, history, origin,
                input == null ? null : readInput(input));
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
