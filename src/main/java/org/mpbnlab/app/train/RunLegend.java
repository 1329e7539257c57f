package org.mpbnlab.app.train;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.app.charts.RunSwatch;

/**
 * The legend of the loss and accuracy charts, shown once above both (on screen they draw none): one entry per run,
 * its colour (a dashed line after the palette's eight, {@link RunSwatch}) and the settings that tell it from the
 * others. Short entries share a line; an entry longer than the line wraps within itself, so that no run's name is
 * ever cut, whatever the window's width or font size.
 */
final class RunLegend extends FlowPane {

    private static final double GAP = 14;

    RunLegend() {
        super(GAP, 2);
        setId("run-legend");
        getStyleClass().add("run-legend");
    }

    /** Shows one entry per run of {@code runs}, in the colours {@code theme} draws their curves in. */
    void show(List<RunCurves> runs, ChartTheme theme) {
        getChildren().setAll(runs.stream().map(run -> entry(run, theme)).toList());
    }

    /** The entry of run {@code number}, or null when the legend does not name it. */
    Node entry(int number) {
        return getChildren().stream().filter(child -> Integer.valueOf(number).equals(child.getUserData()))
                .findFirst().orElse(null);
    }

    private static Node entry(RunCurves run, ChartTheme theme) {
        Label entry = new Label(run.label(), RunSwatch.of(run.number(), theme));
        entry.setUserData(run.number());
        entry.setWrapText(true);
        entry.getStyleClass().add("chart-notes");
        return entry;
    }

    /**
     * Entries are never wider than a line: a long one wraps (FlowPane lays a child out at its preferred width,
     * bounded by its maximum, and asks its height for that width).
     */
    private void fitEntries(double width) {
        double line = Math.max(0, width - snappedLeftInset() - snappedRightInset());
        for (Node child : getChildren()) {
            if (child instanceof Label entry && entry.getMaxWidth() != line) {
                entry.setMaxWidth(line);
            }
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        if (width > 0) {
            fitEntries(width);
        }
        return super.computePrefHeight(width);
    }

    /** As narrow as the charts under it may be: the entries wrap (FlowPane's own minimum is its widest entry). */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        fitEntries(getWidth());
        super.layoutChildren();
    }
}
