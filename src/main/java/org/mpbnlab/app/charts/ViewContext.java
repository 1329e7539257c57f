package org.mpbnlab.app.charts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What every view shares: the chart renderer thread and the chart theme (desk or classroom). */
public final class ViewContext {

    private final ChartRenderer renderer;
    private final ImageSwapQueue swaps = new ImageSwapQueue();
    private final ObjectProperty<ChartTheme> theme = new SimpleObjectProperty<>(this, "theme", ChartTheme.DESK);

    public ViewContext(ChartRenderer renderer) {
        this.renderer = renderer;
    }

    public ChartRenderer renderer() {
        return renderer;
    }

    /** Where chart images wait to be shown, one per pulse; started by the main window. */
    public ImageSwapQueue swaps() {
        return swaps;
    }

    public ObjectProperty<ChartTheme> themeProperty() {
        return theme;
    }
}
