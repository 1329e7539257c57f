package org.mpbnlab.train;

import org.mpbnlab.snn.ArrayValues;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax cross-entropy of time-averaged logits, averaged over the batch:
 * <pre>
 *   p_bk = exp(z_bk − max_k z_b) / Σ_j exp(z_bj − max_k z_b)
 *   L    = −(1/B)·Σ_b log p_{b,y_b}
 *   ∂L/∂z_bk = (p_bk − [k = y_b]) / B
 * </pre>
 */
public final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /** Returns the mean loss and writes ∂L/∂z into {@code gradient} (same shape as {@code logits}). */
    public static double lossAndGradient(INDArray logits, int[] labels, INDArray gradient) {
        double[] z = ArrayValues.read(logits);
        double[] g = gradient == null ? null : new double[z.length];
        int batch = labels.length;
        int classes = (int) logits.size(1);
        double total = 0;
        double[] p = new double[classes];
        for (int b = 0; b < batch; b++) {
            int base = b * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, z[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(z[base + k] - max);
                sum += p[k];
            }
            int label = labels[b];
            total += -(z[base + label] - max - Math.log(sum));
            if (g != null) {
                for (int k = 0; k < classes; k++) {
                    g[base + k] = (p[k] / sum - (k == label ? 1 : 0)) / batch;
                }
            }
        }
        if (g != null) {
            ArrayValues.write(gradient, g);
        }
        return total / batch;
    }

    /** The arg-max class of every row (the first on ties). */
    public static int[] predictions(INDArray logits) {
        double[] z = ArrayValues.read(logits);
        int batch = (int) logits.size(0);
        int classes = (int) logits.size(1);
        int[] out = new int[batch];
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (z[b * classes + k] > z[b * classes + best]) {
                    best = k;
                }
            }
            out[b] = best;
        }
        return out;
    }
}
