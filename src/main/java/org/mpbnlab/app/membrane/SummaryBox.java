package org.mpbnlab.app.membrane;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.Size2D;

/**
 * The numbers written in the top left corner of a histogram (μ, σ, the share past the threshold), drawn only
 * when they fit: on one line each, within the plot's width and its upper half. On a small chart (a projector's
 * large fonts at 1024×768) they would wrap word by word over the bars they describe; the same numbers of the
 * chosen step are written under the charts, so a chart too small for them shows just its bars.
 *
 * <p>Whether they fit is decided on the widest text the figure's panels can have ({@code widest}), not on this
 * panel's own numbers, and on the plot area of the figure's smallest panel ({@link SmallestPanel}), not on this
 * panel's: so all panels of a figure show their numbers or none do (a "−", a longer share or a panel a pixel wider
 * would otherwise leave a box on some panels only).
 */
final class SummaryBox extends XYTitleAnnotation {

    private static final long serialVersionUID = 1L;

    /** Share of the plot's height the numbers may cover. */
    static final double MAX_HEIGHT_SHARE = 0.5;

    private final TextTitle widest;
    private final transient SmallestPanel smallest;

    /**
     * @param summary  this panel's numbers
     * @param widest   the widest and tallest text any panel of the figure can have, in the same font
     * @param smallest the size of the figure's smallest panel
     */
    SummaryBox(TextTitle summary, TextTitle widest, SmallestPanel smallest) {
        super(0.01, 0.99, summary, RectangleAnchor.TOP_LEFT);
        this.widest = widest;
        this.smallest = smallest;
        setMaxWidth(0.98);
    }

    /** True when {@code title}, unwrapped, fits the width and the upper half of {@code dataArea}. */
    static boolean fits(Graphics2D g2, TextTitle title, Rectangle2D dataArea) {
        Size2D natural = title.arrange(g2, RectangleConstraint.NONE);
        return natural.getWidth() <= 0.98 * dataArea.getWidth()
                && natural.getHeight() <= MAX_HEIGHT_SHARE * dataArea.getHeight();
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        Rectangle2D chartArea = info == null || info.getOwner() == null ? null : info.getOwner().getChartArea();
        if (fits(g2, widest, smallest.onSmallest(dataArea, chartArea))) {
            super.draw(g2, plot, dataArea, domainAxis, rangeAxis, rendererIndex, info);
        }
    }
}
