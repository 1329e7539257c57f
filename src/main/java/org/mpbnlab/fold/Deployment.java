package org.mpbnlab.fold;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.BatchNormPre;
import org.mpbnlab.snn.Layer;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.NamedArray;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Parameter;

/**
 * The deployable network: BN_pre folded into the preceding Dense or Conv2d, so that inference is only
 * Dense/Conv + LIF with thresholds. Per output channel o, with {@code a_o = γ_o/sqrt(σ²_o + ε)}:
 * <pre>
 *   W'[·, o] = a_o·W[·, o]          b'_o = a_o·(b_o − μ_o) + β_o      (b_o = 0 without a bias)
 * </pre>
 * This changes the rounding of the input current, so unlike the threshold fold it is not bit-exact:
 * the equivalence report measures how often a spike differs.
 */
public final class Deployment {

    private Deployment() {
    }

    /** Folds every BN_pre of {@code network}, whose MPBN must already be folded (or absent). */
    public static Network deploy(Network network) {
        for (Layer layer : network.layers()) {
            if (layer instanceof LifNeurons lif && lif.mpbnParameters().enabled()) {
                throw new IllegalArgumentException("fold MPBN into the thresholds before deploying");
            }
        }
        List<LayerSpec> specs = network.spec().layers();
        List<LayerSpec> kept = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec spec = specs.get(i);
            boolean foldsIntoNext = i + 1 < specs.size() && specs.get(i + 1) instanceof LayerSpec.BatchNormSpec;
            if (spec instanceof LayerSpec.BatchNormSpec && i > 0 && isOp(specs.get(i - 1))) {
                continue;
            }
            if (foldsIntoNext && spec instanceof LayerSpec.DenseSpec d) {
                spec = new LayerSpec.DenseSpec(d.outputs(), true);
            } else if (foldsIntoNext && spec instanceof LayerSpec.ConvSpec c) {
                spec = new LayerSpec.ConvSpec(c.outChannels(), c.kernel(), c.padding(), true);
            }
            kept.add(spec);
            origin.add(i);
        }
        NetworkSpec original = network.spec();
        Network deployed = NetworkBuilder.build(new NetworkSpec(original.preset(), original.inputShape(),
                original.classes(), original.timeSteps(), kept), network.dataType(), 0);
        for (int n = 0; n < kept.size(); n++) {
            int i = origin.get(n);
            Layer source = network.layers().get(i);
            Layer target = deployed.layers().get(n);
            boolean followedByBn = i + 1 < specs.size() && network.layers().get(i + 1) instanceof BatchNormPre;
            if (followedByBn && isOp(specs.get(i))) {
                foldBatchNorm(source, (BatchNormPre) network.layers().get(i + 1), target);
            } else {
                copyState(source, target);
            }
        }
        deployed.setLoopThreads(network.loopThreads());
        return deployed;
    }

    private static boolean isOp(LayerSpec spec) {
        return spec instanceof LayerSpec.DenseSpec || spec instanceof LayerSpec.ConvSpec;
    }

    private static void foldBatchNorm(Layer op, BatchNormPre bn, Layer target) {
        int channels = (int) bn.gamma().value().length();
        double[] gamma = ArrayValues.read(bn.gamma().value());
        double[] beta = ArrayValues.read(bn.beta().value());
        double[] mean = ArrayValues.read(bn.runningMean());
        double[] var = ArrayValues.read(bn.runningVar());
        double[] w = ArrayValues.read(op.parameters().get(0).value());
        double[] b = op.parameters().size() > 1 ? ArrayValues.read(op.parameters().get(1).value()) : null;
        double[] wOut = new double[w.length];
        double[] bOut = new double[channels];
        boolean dense = "dense".equals(op.kind());
        int perChannel = w.length / channels;
        for (int o = 0; o < channels; o++) {
            double a = gamma[o] / Math.sqrt(var[o] + bn.epsilon());
            for (int k = 0; k < perChannel; k++) {
                // Dense W is [in, out]: column o; Conv W is [out, in, k, k]: slice o
                int index = dense ? k * channels + o : o * perChannel + k;
                wOut[index] = a * w[index];
            }
            double bias = b == null ? 0.0 : b[o];
            bOut[o] = a * (bias - mean[o]) + beta[o];
        }
        ArrayValues.write(target.parameters().get(0).value(), wOut);
        ArrayValues.write(target.parameters().get(1).value(), bOut);
    }

    private static void copyState(Layer source, Layer target) {
        List<Parameter> from = source.parameters();
        List<Parameter> to = target.parameters();
        for (int k = 0; k < from.size(); k++) {
            to.get(k).value().assign(from.get(k).value());
        }
        List<NamedArray> bufFrom = source.buffers();
        List<NamedArray> bufTo = target.buffers();
        for (int k = 0; k < bufFrom.size(); k++) {
            bufTo.get(k).array().assign(bufFrom.get(k).array());
        }
    }
}
