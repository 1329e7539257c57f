package org.mpbnlab.snn;

/**
 * Checks a network description from an untrusted source before anything is allocated: it infers every
 * layer's shape and parameter count and refuses absurd sizes with a message.
 */
public final class SpecLimits {

    /** Largest activation of one sample at one step. */
    public static final long MAX_ACTIVATION = 4_000_000;
    /** Largest total number of parameters and running statistics. */
    public static final long MAX_PARAMETERS = 64_000_000;
    public static final int MAX_LAYERS = 256;
    public static final int MAX_TIME_STEPS = 1024;

    private SpecLimits() {
    }

    /** Returns the number of values the network holds, or throws IllegalArgumentException. */
    public static long check(NetworkSpec spec) {
        if (spec.layers().isEmpty() || spec.layers().size() > MAX_LAYERS) {
            throw new IllegalArgumentException("a network needs 1 to " + MAX_LAYERS + " layers");
        }
        if (spec.timeSteps() > MAX_TIME_STEPS) {
            throw new IllegalArgumentException("at most " + MAX_TIME_STEPS + " time steps are supported");
        }
        long[] shape = toLong(spec.inputShape());
        if (checkActivation(shape) > MAX_ACTIVATION) {
            throw new IllegalArgumentException("an input of shape " + Shapes.format(spec.inputShape())
                    + " has more than the " + MAX_ACTIVATION + " values per sample allowed");
        }
        long values = 0;
        for (int index = 0; index < spec.layers().size(); index++) {
            LayerSpec layer = spec.layers().get(index);
            String name = "layer " + index + " (" + kind(layer) + ")";
            long in = product(shape);
            if (layer instanceof LayerSpec.DenseSpec d) {
                positive(d.outputs(), "dense outputs");
                values += in * d.outputs() + d.outputs();
                shape = new long[] {d.outputs()};
            } else if (layer instanceof LayerSpec.ConvSpec c) {
                requireImage(shape, "conv2d");
                positive(c.outChannels(), "conv2d channels");
                if (c.kernel() < 1 || c.padding() < 0 || c.padding() >= c.kernel()) {
                    throw new IllegalArgumentException("conv2d needs kernel ≥ 1 and 0 ≤ padding < kernel");
                }
                long h = shape[1] + 2L * c.padding() - c.kernel() + 1;
                long w = shape[2] + 2L * c.padding() - c.kernel() + 1;
                positive(h, "conv2d output height");
                positive(w, "conv2d output width");
                values += (long) c.outChannels() * shape[0] * c.kernel() * c.kernel() + c.outChannels();
                shape = new long[] {c.outChannels(), h, w};
            } else if (layer instanceof LayerSpec.AvgPoolSpec || layer instanceof LayerSpec.MaxPoolSpec) {
                int k = layer instanceof LayerSpec.AvgPoolSpec a ? a.kernel() : ((LayerSpec.MaxPoolSpec) layer).kernel();
                requireImage(shape, "pooling");
                if (k < 1 || shape[1] % k != 0 || shape[2] % k != 0) {
                    throw new IllegalArgumentException("pooling kernel " + k + " must divide the image size");
                }
                shape = new long[] {shape[0], shape[1] / k, shape[2] / k};
            } else if (layer instanceof LayerSpec.FlattenSpec) {
                shape = new long[] {in};
            } else if (layer instanceof LayerSpec.BatchNormSpec) {
                values += 4 * shape[0];
            } else if (layer instanceof LayerSpec.LifSpec l) {
                long groups = l.mpbn().mode() == MpbnMode.ELEMENT ? in : shape[0];
                long sets = l.mpbn().statistics() == RunningStatsMode.PER_STEP ? spec.timeSteps() : 1;
                values += l.mpbn().enabled() ? 2 * groups + 2 * sets * groups : 0;
            } else if (layer instanceof LayerSpec.FoldedLifSpec f) {
                long groups = f.mode() == MpbnMode.ELEMENT ? in : shape[0];
                long sets = f.statistics() == RunningStatsMode.PER_STEP ? spec.timeSteps() : 1;
                values += 2 * sets * groups;
            }
            long activation = checkActivation(shape);
            if (activation > MAX_ACTIVATION) {
                throw new IllegalArgumentException(name + " would output " + activation + " values per sample and "
                        + "step, more than the " + MAX_ACTIVATION + " allowed");
            }
            if (values > MAX_PARAMETERS) {
                throw new IllegalArgumentException("up to " + name + " the network would hold " + values
                        + " parameters and statistics, more than the " + MAX_PARAMETERS + " allowed");
            }
        }
        return values;
    }

    private static String kind(LayerSpec layer) {
        if (layer instanceof LayerSpec.DenseSpec) {
            return "dense";
        } else if (layer instanceof LayerSpec.ConvSpec) {
            return "conv2d";
        } else if (layer instanceof LayerSpec.AvgPoolSpec || layer instanceof LayerSpec.MaxPoolSpec) {
            return "pooling";
        } else if (layer instanceof LayerSpec.FlattenSpec) {
            return "flatten";
        } else if (layer instanceof LayerSpec.BatchNormSpec) {
            return "batchnorm";
        }
        return "lif";
    }

    private static void requireImage(long[] shape, String what) {
        if (shape.length != 3) {
            throw new IllegalArgumentException(what + " needs [C, H, W] input");
        }
    }

    private static void positive(long value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    /** The number of values of {@code shape}, after checking that every dimension is positive. */
    private static long checkActivation(long[] shape) {
        for (long d : shape) {
            positive(d, "every dimension");
        }
        return product(shape);
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p = Math.multiplyExact(p, d);
            if (p > Long.MAX_VALUE / 1024) {
                throw new IllegalArgumentException("layer sizes overflow");
            }
        }
        return p;
    }

    private static long[] toLong(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        if (shape.length == 0 || shape.length > 3) {
            throw new IllegalArgumentException("input shape must be [F] or [C, H, W]");
        }
        return out;
    }
}
