package org.mpbnlab.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.io.JsonFieldException;
import org.mpbnlab.io.JsonFields;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.NamedChoices;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.SpecLimits;
import org.mpbnlab.snn.Surrogate;

/**
 * The {@code network} field of {@code model.json} ↔ {@link NetworkSpec}, field by field (the engine's
 * types carry no JSON annotations; this class is the whole mapping). The fields and their meaning are
 * listed in {@code docs/model-format.md}; reading is strict ({@link JsonFields}).
 */
final class NetworkSpecJson {

    static final List<String> LAYER_TYPES = List.of("dense", "conv2d", "avgpool2d", "maxpool2d", "flatten",
            "batchnorm", "lif", "lif-folded");
    /** Any size that fits an int; {@link SpecLimits} then refuses a network too large to build. */
    private static final int MAX_SIZE = Integer.MAX_VALUE;

    private NetworkSpecJson() {
    }

    static ObjectNode write(NetworkSpec spec) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("preset", spec.preset());
        ArrayNode shape = json.putArray("inputShape");
        for (int d : spec.inputShape()) {
            shape.add(d);
        }
        json.put("classes", spec.classes());
        json.put("timeSteps", spec.timeSteps());
        ArrayNode layers = json.putArray("layers");
        for (LayerSpec layer : spec.layers()) {
            layers.add(write(layer));
        }
        return json;
    }

    private static ObjectNode write(LayerSpec layer) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (layer instanceof LayerSpec.DenseSpec d) {
            json.put("type", "dense").put("outputs", d.outputs()).put("bias", d.bias());
        } else if (layer instanceof LayerSpec.ConvSpec c) {
            json.put("type", "conv2d").put("outChannels", c.outChannels()).put("kernel", c.kernel())
                    .put("padding", c.padding()).put("bias", c.bias());
        } else if (layer instanceof LayerSpec.AvgPoolSpec a) {
            json.put("type", "avgpool2d").put("kernel", a.kernel());
        } else if (layer instanceof LayerSpec.MaxPoolSpec m) {
            json.put("type", "maxpool2d").put("kernel", m.kernel());
        } else if (layer instanceof LayerSpec.FlattenSpec) {
            json.put("type", "flatten");
        } else if (layer instanceof LayerSpec.BatchNormSpec b) {
            json.put("type", "batchnorm").put("epsilon", b.epsilon()).put("momentum", b.momentum());
        } else if (layer instanceof LayerSpec.LifSpec l) {
            json.put("type", "lif");
            json.set("lif", write(l.lif()));
            json.putObject("mpbn").put("mode", l.mpbn().mode().id()).put("statistics", l.mpbn().statistics().id())
                    .put("epsilon", l.mpbn().epsilon()).put("momentum", l.mpbn().momentum());
        } else if (layer instanceof LayerSpec.FoldedLifSpec f) {
            json.put("type", "lif-folded");
            json.set("lif", write(f.lif()));
            json.put("mode", f.mode().id()).put("statistics", f.statistics().id());
        }
        return json;
    }

    private static ObjectNode write(LifParameters lif) {
        return JsonNodeFactory.instance.objectNode().put("tau", lif.tau()).put("threshold", lif.threshold())
                .put("surrogate", lif.surrogate().id()).put("detachReset", lif.detachReset());
    }

    /** Reads and checks a network description; every problem names its field. */
    static NetworkSpec read(JsonFields json) {
        String preset = json.text("preset");
        int[] inputShape = json.integers("inputShape", 3, 1, MAX_SIZE);
        if (inputShape.length != 1 && inputShape.length != 3) {
            throw new JsonFieldException(json.path() + ".inputShape must be [features] or [channels, height, width], "
                    + "got " + inputShape.length + " numbers");
        }
        int classes = json.integer("classes", 2, MAX_SIZE);
        int timeSteps = json.integer("timeSteps", 1, SpecLimits.MAX_TIME_STEPS);
        List<LayerSpec> layers = new ArrayList<>();
        for (JsonFields layer : json.objects("layers", SpecLimits.MAX_LAYERS)) {
            layers.add(readLayer(layer));
        }
        json.rejectOtherFields();
        return new NetworkSpec(preset, inputShape, classes, timeSteps, layers);
    }

    private static LayerSpec readLayer(JsonFields json) {
        String type = json.choice("type", LAYER_TYPES);
        LayerSpec layer = switch (type) {
            case "dense" -> new LayerSpec.DenseSpec(json.integer("outputs", 1, MAX_SIZE), json.flag("bias"));
            case "conv2d" -> new LayerSpec.ConvSpec(json.integer("outChannels", 1, MAX_SIZE),
                    json.integer("kernel", 1, 1024), json.integer("padding", 0, 1023), json.flag("bias"));
            case "avgpool2d" -> new LayerSpec.AvgPoolSpec(json.integer("kernel", 1, 1024));
            case "maxpool2d" -> new LayerSpec.MaxPoolSpec(json.integer("kernel", 1, 1024));
            case "flatten" -> new LayerSpec.FlattenSpec();
            case "batchnorm" -> new LayerSpec.BatchNormSpec(positive(json, "epsilon"), momentum(json));
            case "lif" -> new LayerSpec.LifSpec(readLif(json.object("lif")), readMpbn(json.object("mpbn")));
            default -> new LayerSpec.FoldedLifSpec(readLif(json.object("lif")), mpbnMode(json, "mode"),
                    statistics(json, "statistics"));
        };
        json.rejectOtherFields();
        return layer;
    }

    private static LifParameters readLif(JsonFields json) {
        double tau = json.number("tau");
        if (tau < 0 || tau > 1) {
            throw new JsonFieldException(json.path() + ".tau must be between 0 and 1, got " + tau);
        }
        double threshold = positive(json, "threshold");
        Surrogate surrogate = Surrogate.byId(json.choice("surrogate", NamedChoices.ids(Surrogate.values(),
                Surrogate::id)));
        boolean detachReset = json.flag("detachReset");
        json.rejectOtherFields();
        return new LifParameters(tau, threshold, surrogate, detachReset);
    }

    private static MpbnParameters readMpbn(JsonFields json) {
        MpbnParameters mpbn = new MpbnParameters(mpbnMode(json, "mode"), statistics(json, "statistics"),
                positive(json, "epsilon"), momentum(json));
        json.rejectOtherFields();
        return mpbn;
    }

    private static MpbnMode mpbnMode(JsonFields json, String field) {
        return MpbnMode.byId(json.choice(field, NamedChoices.ids(MpbnMode.values(), MpbnMode::id)));
    }

    private static RunningStatsMode statistics(JsonFields json, String field) {
        return RunningStatsMode.byId(json.choice(field, NamedChoices.ids(RunningStatsMode.values(),
                RunningStatsMode::id)));
    }

    private static double positive(JsonFields json, String field) {
        double value = json.number(field);
        if (!(value > 0)) {
            throw new JsonFieldException(json.path() + "." + field + " must be a positive number, got " + value);
        }
        return value;
    }

    private static double momentum(JsonFields json) {
        double value = json.number("momentum");
        if (!(value > 0 && value <= 1)) {
            throw new JsonFieldException(json.path() + ".momentum must be in (0, 1], got " + value);
        }
        return value;
    }
}
