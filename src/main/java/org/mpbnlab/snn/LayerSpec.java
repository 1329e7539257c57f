package org.mpbnlab.snn;

/**
 * The declarative description of one layer, as stored in {@code model.json}. A {@link NetworkSpec}
 * is a list of these; {@link NetworkBuilder} turns it into layers.
 */
public sealed interface LayerSpec {

    /** {@code y = x·W + b}, W of shape [in, out]. */
    record DenseSpec(int outputs, boolean bias) implements LayerSpec {
    }

    /** Stride-1 convolution with zero padding, weights [out, in, k, k]. */
    record ConvSpec(int outChannels, int kernel, int padding, boolean bias) implements LayerSpec {
    }

    /** Average pooling with kernel = stride = k. */
    record AvgPoolSpec(int kernel) implements LayerSpec {
    }

    /** Max pooling with kernel = stride = k. */
    record MaxPoolSpec(int kernel) implements LayerSpec {
    }

    /** [C, H, W] → [C·H·W]. */
    record FlattenSpec() implements LayerSpec {
    }

    /** BN_pre with statistics over (T, B, H, W). */
    record BatchNormSpec(double epsilon, double momentum) implements LayerSpec {
        public static BatchNormSpec defaults() {
            return new BatchNormSpec(1e-5, 0.1);
        }
    }

    /** LIF neurons with optional MPBN. */
    record LifSpec(LifParameters lif, MpbnParameters mpbn) implements LayerSpec {
    }

    /**
     * LIF neurons with MPBN folded into per-group thresholds ({@code mode} CHANNEL or ELEMENT says
     * the grouping; {@code statistics} PER_STEP gives one threshold set per step). Inference only.
     */
    record FoldedLifSpec(LifParameters lif, MpbnMode mode, RunningStatsMode statistics) implements LayerSpec {
    }
}
