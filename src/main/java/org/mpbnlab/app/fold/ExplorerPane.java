package org.mpbnlab.app.fold;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mpbnlab.app.charts.ChartPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.ViewContext;
import org.mpbnlab.fold.ChannelFold;

/** The folding explorer: five sliders, the formula with its numbers, and the two histograms. */
final class ExplorerPane {

    /** Height below which the two histograms would be too low to read (plot, axis and legend). */
    private static final double CHARTS_MIN_HEIGHT = 260;

    private final ExplorerViewModel model;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final ChartPane before;
    private final ChartPane after;
    private final Label formula = new Label();
    private final Label region = new Label();
    private final Slider gamma = slider("explorer-gamma");
    private final Slider beta = slider("explorer-beta");
    private final Slider mean = slider("explorer-mean");
    private final Slider variance = slider("explorer-variance");
    private final Slider threshold = slider("explorer-vth");

    ExplorerPane(ExplorerViewModel model, ViewContext context) {
        this.model = model;
        this.context = context;
        before = new ChartPane(context, "explorer-u-pre");
        before.setId("explorer-before");
        after = new ChartPane(context, "explorer-u-hat");
        after.setId("explorer-after");
        Spinner<Integer> layer = new Spinner<>(1, 64, 1);
        Spinner<Integer> channel = new Spinner<>(1, 100_000, 1);
        Spinner<Integer> step = new Spinner<>(1, 1024, 1);
        for (Spinner<Integer> spinner : java.util.List.of(layer, channel, step)) {
            SpinnerFit.toLargestValue(spinner);
        }
        layer.valueProperty().addListener((obs, old, now) -> model.layerProperty().set(now - 1));
        channel.valueProperty().addListener((obs, old, now) -> model.channelProperty().set(now - 1));
        step.valueProperty().addListener((obs, old, now) -> model.stepProperty().set(now - 1));
        Button take = new Button("Take from the model");
        take.setId("explorer-take");
        take.setOnAction(e -> model.takeFromChannel());
        Button reset = new Button("Back to the channel's values");
        reset.setOnAction(e -> model.resetToChannel());
        Button flip = new Button("γ → −γ");
        flip.setId("explorer-flip");
        flip.setOnAction(e -> model.gammaProperty().set(-model.gammaProperty().get()));
        Button zero = new Button("γ = 0");
        zero.setId("explorer-zero");
        zero.setOnAction(e -> model.gammaProperty().set(0.0));
        // the choosers and the buttons wrap as wholes onto a second row when the window is narrow, none of them cut
        HBox choose = new HBox(8, new Label("LIF"), layer, new Label("channel"), channel, new Label("t"), step);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        for (Button button : new Button[] {take, reset, flip, zero}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane source = new javafx.scene.layout.FlowPane(8, 6, choose, take, reset, flip, zero);
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(2);
        addRow(sliders, 0, "γ", gamma, model.gammaProperty());
        addRow(sliders, 1, "β", beta, model.betaProperty());
        addRow(sliders, 2, "μ", mean, model.meanProperty());
        addRow(sliders, 3, "σ²", variance, model.varianceProperty());
        addRow(sliders, 4, "V_th", threshold, model.thresholdProperty());
        formula.setWrapText(true);
        formula.setId("explorer-formula");
        formula.setStyle("-fx-font-family: monospace;");
        region.setWrapText(true);
        // the formula and the rule are read in full at any width: their lines wrap and are never squeezed away
        formula.setMinHeight(Region.USE_PREF_SIZE);
        region.setMinHeight(Region.USE_PREF_SIZE);
        region.setId("explorer-region");
        region.setStyle("-fx-font-weight: bold;");
        VBox top = new VBox(6, source, sliders, formula, region);
        top.setPadding(new Insets(6));
        HBox charts = new HBox(6, before, after);
        HBox.setHgrow(before, Priority.ALWAYS);
        HBox.setHgrow(after, Priority.ALWAYS);
        // the histograms are the point of the explorer: always in view and never lower than readable. When the
        // sliders and the formula need more height than is left (a projector's large font), they scroll in their
        // own pane above the histograms, which stay where the class sees them move
        charts.setMinHeight(CHARTS_MIN_HEIGHT);
        charts.setPrefHeight(CHARTS_MIN_HEIGHT);
        VBox.setVgrow(charts, Priority.ALWAYS);
        ScrollPane controls = new ContentHighScrollPane(top);
        controls.setId("explorer-controls");
        controls.setFitToWidth(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controls.setMinHeight(0);
        controls.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0;");
        root.setCenter(new VBox(controls, charts));
        model.stateProperty().addListener((obs, old, now) -> show(now));
        context.themeProperty().addListener((obs, old, now) -> show(model.stateProperty().get()));
    }

    /**
     * A scroll pane as high as its content needs at its width, so that it scrolls only when its parent gives it less
     * (its pref height was bound to the content's laid-out height, which changes during a layout pass: the parent
     * never heard of it, and γ → −γ, whose rule is a line longer, left that line cut under a scroll bar).
     */
    private static final class ContentHighScrollPane extends ScrollPane {
        private final Region content;

        ContentHighScrollPane(Region content) {
            super(content);
            this.content = content;
        }

        @Override
        protected double computePrefHeight(double width) {
            double outer = width >= 0 ? width : getWidth();
            double inner = outer > 0 ? outer - snappedLeftInset() - snappedRightInset() : -1;
            return snappedTopInset() + content.prefHeight(inner) + snappedBottomInset();
        }
    }

    private static Slider slider(String id) {
        Slider slider = new Slider(-1, 1, 0);
        slider.setId(id);
        slider.setPrefWidth(520);
        return slider;
    }

    /**
     * A slider that follows the view model's value (its range widened when the value lies outside) and sets it
     * when the user drags (not when it merely follows).
     */
    private void addRow(GridPane grid, int row, String name, Slider slider, DoubleProperty value) {
        Label number = new Label();
        number.setMinWidth(90);
        number.textProperty().bind(value.asString(Locale.ROOT, "%.4g"));
        grid.addRow(row, new Label(name), slider, number);
        follow(slider, value.get());
        value.addListener((obs, old, now) -> follow(slider, now.doubleValue()));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!following) {
                value.set(now.doubleValue());
            }
        });
    }

    /** True while a slider is moved to follow the model, so that it does not set the model back. */
    private boolean following;
    /** The channel the slider ranges were last set around. */
    private ChannelFold rangedFor;

    private void follow(Slider slider, double value) {
        following = true;
        if (value < slider.getMin()) {
            slider.setMin(value);
        }
        if (value > slider.getMax()) {
            slider.setMax(value);
        }
        slider.setValue(value);
        following = false;
    }

    private void show(ExplorerState state) {
        if (state == null) {
            return;
        }
        ChannelFold original = model.original();
        if (original != null && original != rangedFor) {
            rangedFor = original;
            setRanges(original);
        }
        formula.setText(ExplorerViewModel.formulaText(state));
        region.setText(state.regionText() + String.format(Locale.ROOT, "  %d of %d neurons fire (orange in both"
                + " histograms).", state.firing(), state.membranes()));
        ChartTheme theme = context.themeProperty().get();
        double vTilde = state.exact().isConstant() ? Double.NaN : state.exact().threshold();
        before.show(() -> FoldCharts.explorerHistogram(state.before(), "u_pre (before MPBN)", vTilde, "Ṽ",
                ChartTheme.FOLDED_THRESHOLD, state.region(), theme));
        after.show(() -> FoldCharts.explorerHistogram(state.after(), "û (after MPBN)", state.channel().vth(), "V_th",
                ChartTheme.THRESHOLD, ExplorerState.Region.ABOVE, theme));
        before.setExplanation("u_pre of the channel's neurons; shaded: where u_pre makes a neuron fire.");
        after.setExplanation("û = γ·(u_pre − μ)/sqrt(σ² + ε) + β of the same neurons; they fire where û > V_th.");
    }

    /** Slider ranges around a real channel's values, wide enough to drag γ through zero. */
    private void setRanges(ChannelFold c) {
        double g = Math.max(1, 2 * Math.abs(c.gamma()));
        range(gamma, -g, g);
        double b = Math.max(1, 2 * Math.abs(c.beta()) + c.vth());
        range(beta, -b, b);
        double m = Math.max(1, 2 * Math.abs(c.mean()) + 3 * Math.sqrt(c.variance()));
        range(mean, -m, m);
        range(variance, 0, Math.max(1, 4 * c.variance()));
        range(threshold, 0.05, Math.max(1.5, 2 * c.vth()));
    }

    private void range(Slider slider, double lo, double hi) {
        double value = slider.getValue();
        following = true;
        slider.setMin(Math.min(lo, value));
        slider.setMax(Math.max(hi, value));
        slider.setValue(value);
        following = false;
    }

    BorderPane root() {
        return root;
    }
}
