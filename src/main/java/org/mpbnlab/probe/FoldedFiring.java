package org.mpbnlab.probe;

import org.mpbnlab.fold.ExactThreshold;
import org.mpbnlab.snn.FiringThreshold;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The threshold fold of one recorded step, channel by channel, and how many u_pre values pass it.
 * For channel c at step t the float engine decided
 * <pre>
 *   s = [ (u_pre − μ_t,c)·scale_t,c + β_c &gt; V_th ]     in float,  scale = γ_c·1/sqrt(σ²_t,c + ε)
 * </pre>
 * with the step's μ and σ² (batch statistics in training, running ones in evaluation). That decision is
 * monotone in u_pre, so it is exactly {@code u_pre > Ṽ} (γ &gt; 0) or {@code u_pre < Ṽ} (γ &lt; 0) for the
 * float boundary Ṽ that {@link ExactThreshold} finds. Counting the u_pre values past Ṽ therefore gives the
 * same number as counting the û values above V_th: the fold's whole point in one number.
 */
final class FoldedFiring {

    private final FiringThreshold[][] thresholds;
    private final long[][] past;
    private final int channels;
    private final int spatial;

    /**
     * @param mean  μ per step and channel used by the pass
     * @param scale γ·1/sqrt(σ² + ε) per step and channel used by the pass
     * @param shift β per step and channel used by the pass
     */
    FoldedFiring(double[][] mean, double[][] scale, double[][] shift, double threshold, int spatial) {
        this.channels = mean[0].length;
        this.spatial = spatial;
        thresholds = new FiringThreshold[mean.length][channels];
        past = new long[mean.length][channels];
        for (int t = 0; t < mean.length; t++) {
            for (int c = 0; c < channels; c++) {
                FiringThreshold decision = FiringThreshold.normalized(mean[t][c], scale[t][c], shift[t][c], threshold,
                        DataType.FLOAT);
                thresholds[t][c] = ExactThreshold.of(decision);
            }
        }
    }

    /** Counts the u_pre values of step {@code t} held in {@code rows} whole rows of {@code chunk}. */
    void count(int t, float[] chunk, int rows) {
        int i = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                FiringThreshold folded = thresholds[t][c];
                long n = 0;
                for (int end = i + spatial; i < end; i++) {
                    if (folded.fires(chunk[i])) {
                        n++;
                    }
                }
                past[t][c] += n;
            }
        }
    }

    /** Ṽ per step and channel; NaN for a constant channel (γ = 0: û = β, no threshold on u_pre). */
    double[][] thresholds() {
        double[][] values = new double[thresholds.length][channels];
        for (int t = 0; t < thresholds.length; t++) {
            for (int c = 0; c < channels; c++) {
                FiringThreshold folded = thresholds[t][c];
                values[t][c] = folded.isConstant() ? Double.NaN : folded.threshold();
            }
        }
        return values;
    }

    /** The fraction of u_pre values past Ṽ per step and channel, out of {@code batch·spatial} per channel. */
    double[][] fractions(int batch) {
        double n = (double) batch * spatial;
        double[][] values = new double[past.length][channels];
        for (int t = 0; t < past.length; t++) {
            for (int c = 0; c < channels; c++) {
                values[t][c] = past[t][c] / n;
            }
        }
        return values;
    }
}
