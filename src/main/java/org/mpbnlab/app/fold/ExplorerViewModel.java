package org.mpbnlab.app.fold;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.mpbnlab.fold.ChannelFold;
import org.mpbnlab.snn.FiringThreshold;
import org.mpbnlab.snn.LifNeurons;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NeuronLayer;
import org.mpbnlab.snn.Pass;

/**
 * The folding explorer, for students: one channel's γ, β, μ, σ² and V_th on sliders, first taken from a real
 * channel of the folded model (with the membranes u_pre its neurons had on test samples), then free. For the
 * values on the sliders it shows the formula with its numbers, the exact and the naive Ṽ, and the histograms of
 * u_pre (with Ṽ) and of û (with V_th), the firing neurons highlighted in both. Every number comes from the fold
 * package ({@link ChannelFold}); this class only bins them.
 */
public final class ExplorerViewModel {

    /** Test samples whose membranes fill the histograms. */
    static final int SAMPLES = 128;
    /** Bins of each histogram. */
    static final int BINS = 40;

    private final FoldViewModel fold;
    private final DoubleProperty gamma = new SimpleDoubleProperty(this, "gamma", 1);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", 0);
    private final DoubleProperty mean = new SimpleDoubleProperty(this, "mean", 0);
    private final DoubleProperty variance = new SimpleDoubleProperty(this, "variance", 1);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 0);
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel", 0);
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ReadOnlyObjectWrapper<ExplorerState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private double epsilon = 1e-5;
    private float[] membranes = new float[0];
    private ChannelFold original;
    /** True while all sliders are set at once: one update afterwards instead of five. */
    private boolean membranesFrozen;

    public ExplorerViewModel(FoldViewModel fold) {
        this.fold = fold;
        for (DoubleProperty p : List.of(gamma, beta, mean, variance, threshold)) {
            p.addListener((obs, old, now) -> update());
        }
        fold.workbenchProperty().addListener((obs, old, now) -> {
            if (now != null) {
                layer.set(0);
                channel.set(0);
                step.set(0);
                takeFromChannel();
            }
        });
    }

    /**
     * Loads γ, β, μ, σ² and V_th of the chosen layer, channel (group) and step from the folded model, and the
     * membranes u_pre of that channel's neurons on the first test samples (run on the engine worker).
     */
    public void takeFromChannel() {
        FoldWorkbench workbench = fold.workbenchProperty().get();
        if (workbench == null) {
            fold.task().message("Fold a model first: the explorer starts from one of its channels.");
            return;
        }
        int l = layer.get();
        int g = channel.get();
        int t = step.get();
        fold.task().run("Reading channel " + (g + 1) + " of LIF " + (l + 1),
                p -> ChannelSample.read(workbench, l, g, t), this::load);
    }

    /** Back to the values of the channel last taken from the model. */
    public void resetToChannel() {
        if (original != null) {
            setAll(original);
        }
    }

    private void load(ChannelSample sample) {
        epsilon = sample.fold().epsilon();
        membranes = sample.membranes();
        original = sample.fold();
        setAll(sample.fold());
        fold.task().message("Explorer: channel " + (sample.group() + 1) + " of LIF " + (sample.layer() + 1)
                + " at t = " + (sample.step() + 1) + ", " + membranes.length + " membranes. Now move the sliders.");
    }

    private void setAll(ChannelFold values) {
        // set without updating five times in between
        membranesFrozen = true;
        gamma.set(values.gamma());
        beta.set(values.beta());
        mean.set(values.mean());
        variance.set(values.variance());
        threshold.set(values.vth());
        membranesFrozen = false;
        update();
    }

    /** Recomputes everything shown from the sliders (called on every change). */
    void update() {
        if (membranesFrozen) {
            return;
        }
        ChannelFold values = current();
        state.set(values == null ? null : ExplorerState.of(values, membranes, BINS));
    }

    /** The channel on the sliders, or null while σ² is not a valid variance. */
    public ChannelFold current() {
        if (!(variance.get() >= 0) || !Double.isFinite(gamma.get()) || !Double.isFinite(beta.get())
                || !Double.isFinite(mean.get()) || !Double.isFinite(threshold.get())) {
            return null;
        }
        return new ChannelFold(gamma.get(), beta.get(), mean.get(), variance.get(), epsilon, threshold.get());
    }

    public DoubleProperty gammaProperty() {
        return gamma;
    }

    public DoubleProperty betaProperty() {
        return beta;
    }

    public DoubleProperty meanProperty() {
        return mean;
    }

    public DoubleProperty varianceProperty() {
        return variance;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    /** What the explorer shows for the current sliders; null before a channel is loaded. */
    public ReadOnlyObjectProperty<ExplorerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The channel last taken from the model, or null. */
    public ChannelFold original() {
        return original;
    }

    /**
     * One channel of a folded model and the membranes u_pre its neurons had at one step on the first test
     * samples, in evaluation mode.
     */
    record ChannelSample(int layer, int group, int step, ChannelFold fold, float[] membranes) {

        /** Runs the MPBN network on the first test samples and reads group {@code group} of spiking layer l. */
        static ChannelSample read(FoldWorkbench workbench, int l, int group, int t) {
            Network reference = workbench.reference();
            List<NeuronLayer> layers = reference.spikingLayers();
            if (l < 0 || l >= layers.size() || !(layers.get(l) instanceof LifNeurons lif)
                    || !lif.mpbnParameters().enabled()) {
                throw new IllegalArgumentException("LIF " + (l + 1) + " has no MPBN to explore");
            }
            int groups = lif.normalizationLayout().groups();
            int steps = reference.spec().timeSteps();
            if (group < 0 || group >= groups || t < 0 || t >= steps) {
                throw new IllegalArgumentException("choose a channel 1–" + groups + " and a step 1–" + steps);
            }
            int samples = Math.min(SAMPLES, workbench.testSet().count());
            Pass pass = new Pass(steps, samples, false);
            int[] indices = IntStream.range(0, samples).toArray();
            reference.forward(workbench.feeder().encode(reference, workbench.testSet(), indices, pass), pass);
            float[] all = org.nd4j.linalg.factory.Nd4j.toFlattened('c', lif.lastMembraneBeforeNorm()).toFloatVector();
            int spatial = lif.normalizationLayout().spatial();
            int rowSize = groups * spatial;
            float[] out = new float[samples * spatial];
            for (int b = 0; b < samples; b++) {
                System.arraycopy(all, (t * samples + b) * rowSize + group * spatial, out, b * spatial, spatial);
            }
            int set = lif.statisticSets() == 1 ? 0 : t;
            return new ChannelSample(l, group, t, ChannelFold.of(lif, set, group), out);
        }
    }

    /**
     * Text of the formula with its live numbers, written as on paper: a negative number after an operator is put
     * in parentheses ({@code 0.5000 − (−0.05675)}, never {@code 0.5000 − −0.05675}), with a true minus sign.
     */
    public static String formulaText(ExplorerState s) {
        ChannelFold c = s.channel();
        String values = String.format(Locale.ROOT, "Ṽ = μ + (V_th − β)·sqrt(σ² + ε)/γ = %s + (%s − %s)·sqrt(%s + %s)/%s",
                n(c.mean()), n(c.vth()), operand(c.beta()), operand(c.variance()), operand(c.epsilon()),
                operand(c.gamma()));
        FiringThreshold exact = s.exact();
        if (exact.isConstant()) {
            return values + " — γ = 0: division by zero, there is no threshold. û = β = " + n(c.beta())
                    + (exact.fires(0) ? " > V_th: every neuron fires at every step (constant)."
                    : " ≤ V_th: no neuron ever fires (constant).");
        }
        String compare = exact.direction() > 0 ? "u_pre > Ṽ" : "u_pre < Ṽ (γ < 0 reverses the comparison)";
        return String.format(Locale.ROOT, "%s = %s%nfires ⇔ û > V_th ⇔ %s%nexact Ṽ (the float boundary of the"
                        + " engine's decision) = %s · naive float32 formula = %s (%d float(s) apart)",
                values, n(c.formula()), compare, Float.toString((float) exact.threshold()),
                Float.toString((float) s.naive().threshold()), s.floatsApart());
    }

    /** {@code value} to 4 significant digits, negative with the minus sign "−" (U+2212) of the operators. */
    static String n(double value) {
        String digits = String.format(Locale.ROOT, "%.4g", Math.abs(value));
        return (value < 0 ? "−" : "") + digits;
    }

    /** {@link #n}, in parentheses when negative: the number follows an operator ("− (−0.3000)", "/(−0.9490)"). */
    static String operand(double value) {
        String written = n(value);
        return written.startsWith("−") ? "(" + written + ")" : written;
    }
}
