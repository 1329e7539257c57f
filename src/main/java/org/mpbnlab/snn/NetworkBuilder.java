package org.mpbnlab.snn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the layers a {@link NetworkSpec} describes, with weights drawn from one seeded generator in
 * layer order: the same spec and seed give bit-identical initial weights.
 */
public final class NetworkBuilder {

    private NetworkBuilder() {
    }

    public static Network build(NetworkSpec spec, DataType type, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        int[] shape = spec.inputShape();
        for (LayerSpec layerSpec : spec.layers()) {
            Layer layer = create(layerSpec, shape, spec.timeSteps(), type, rng);
            layers.add(layer);
            shape = layer.outputShape();
        }
        if (shape.length != 1 || shape[0] != spec.classes()) {
            throw new IllegalArgumentException("the last layer must output " + spec.classes()
                    + " class scores per step, but outputs " + Shapes.format(shape));
        }
        return new Network(spec, layers, type);
    }

    private static Layer create(LayerSpec spec, int[] shape, int timeSteps, DataType type, SplittableRandom rng) {
        if (spec instanceof LayerSpec.DenseSpec d) {
            return new Dense(Shapes.size(shape), d.outputs(), d.bias(), type, rng);
        } else if (spec instanceof LayerSpec.ConvSpec c) {
            return new Conv2d(shape, c.outChannels(), c.kernel(), c.padding(), c.bias(), type, rng);
        } else if (spec instanceof LayerSpec.AvgPoolSpec p) {
            return new AvgPool2d(shape, p.kernel());
        } else if (spec instanceof LayerSpec.MaxPoolSpec p) {
            return new MaxPool2d(shape, p.kernel());
        } else if (spec instanceof LayerSpec.FlattenSpec) {
            return new Flatten(shape);
        } else if (spec instanceof LayerSpec.BatchNormSpec b) {
            return new BatchNormPre(shape, b.epsilon(), b.momentum(), type);
        } else if (spec instanceof LayerSpec.LifSpec l) {
            return new LifNeurons(shape, timeSteps, l.lif(), l.mpbn(), type);
        } else if (spec instanceof LayerSpec.FoldedLifSpec f) {
            GroupLayout layout = f.mode() == MpbnMode.ELEMENT ? GroupLayout.elements(shape)
                    : GroupLayout.channels(shape);
            int sets = f.statistics() == RunningStatsMode.PER_STEP ? timeSteps : 1;
            return new FoldedLifNeurons(shape, f.lif(), layout, sets, type);
        }
        throw new IllegalArgumentException("unknown layer spec " + spec);
    }
}
