package org.mpbnlab.app.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;

/**
 * A chart drawn off the FX thread: {@link #show} hands over a recipe, the {@link ChartRenderer}
 * builds and draws the chart at the pane's size into an image, and the FX thread only swaps the image
 * in. Requests are coalesced (only the newest is drawn). Hovering shows the value under the mouse;
 * the context menu exports the chart as PNG or SVG.
 */
public final class ChartPane extends Region {

    private final ChartRenderer renderer;
    private final ImageSwapQueue swaps;
    private final String exportName;
    private final ImageView view = new ImageView();
    private final Tooltip tooltip = new Tooltip();
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicBoolean drawing = new AtomicBoolean();
    private final AtomicBoolean swapPending = new AtomicBoolean();
    /** Two images drawn into alternately off the FX thread: never the one on screen (renderer thread only). */
    private final WritableImage[] buffers = new WritableImage[2];
    private volatile Image shown;
    private BufferedImage canvas;
    private long lastDrawNanos;
    private Supplier<JFreeChart> recipe;
    private Supplier<JFreeChart> exportRecipe;
    private volatile Drawn drawn;
    /** The drawing whose image is on screen (FX thread only). */
    private Drawn onScreen;
    private String explanation = "";
    /** A drawing asked for while the pane was hidden (on a tab not shown): it is made when the pane shows again. */
    private boolean deferred;
    /** The height of the chart on screen besides its plot area (title, axes, legend, insets); NaN before the first. */
    private final javafx.beans.property.ReadOnlyDoubleWrapper chromeHeight =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "chromeHeight", Double.NaN);

    /** Least time between two drawings of one chart: at most 5 per second. */
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private record Request(Supplier<JFreeChart> recipe, double width, double height, double scale) {
    }

    private record Drawn(Supplier<JFreeChart> recipe, JFreeChart chart, ChartRenderingInfo info, double width,
                         double height) {
    }

    public ChartPane(ViewContext context, String exportName) {
        this.renderer = context.renderer();
        this.swaps = context.swaps();
        this.exportName = exportName;
        getStyleClass().add("chart-pane");
        view.setPreserveRatio(false);
        getChildren().add(view);
        setMinSize(80, 60);
        setPrefSize(400, 300);
        widthProperty().addListener((obs, old, now) -> redraw());
        heightProperty().addListener((obs, old, now) -> redraw());
        insetsProperty().addListener((obs, old, now) -> redraw());
        Runnable drawIfShownAgain = this::drawIfShownAgain;
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(drawIfShownAgain);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(drawIfShownAgain);
            }
        });
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        Tooltip.install(this, tooltip);
        setOnMouseMoved(e -> tooltip.setText(tooltipAt(e.getX() - getInsets().getLeft(),
                e.getY() - getInsets().getTop())));
        MenuItem png = new MenuItem("Export PNG…");
        png.setOnAction(e -> export("png"));
        MenuItem svg = new MenuItem("Export SVG…");
        svg.setOnAction(e -> export("svg"));
        ContextMenu menu = new ContextMenu(png, svg);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    /** Text shown when hovering outside any bar or point (what the chart shows). */
    public void setExplanation(String text) {
        explanation = text;
        tooltip.setText(text);
    }

    /** Draws the chart {@code newRecipe} builds (called on the FX thread; the recipe runs on the renderer). */
    public void show(Supplier<JFreeChart> newRecipe) {
        show(newRecipe, newRecipe);
    }

    /**
     * Draws the chart {@code onScreen} builds; an export draws {@code exported}'s instead (the same chart
     * with what the view writes around it on screen, e.g. notes under the title).
     */
    public void show(Supplier<JFreeChart> onScreen, Supplier<JFreeChart> exported) {
        recipe = onScreen;
        exportRecipe = exported;
        redraw();
    }

    /** The chart last drawn, or null (for export and tests). */
    public JFreeChart chart() {
        Drawn d = drawn;
        return d == null ? null : d.chart();
    }

    /**
     * How much of the pane's height the chart on screen gives to its title, axes, legend and the pane's insets, i.e.
     * the pane's height less its plot area's (for a layout that keeps room for the plot); NaN before the first image.
     */
    public javafx.beans.property.ReadOnlyDoubleProperty chromeHeightProperty() {
        return chromeHeight.getReadOnlyProperty();
    }

    public boolean hasImage() {
        return view.getImage() != null;
    }

    /**
     * True when the image on screen is the newest recipe's chart drawn at the pane's current size (call on
     * the FX thread; tests wait for it before they look at a chart).
     */
    public boolean showsNewest() {
        Drawn d = onScreen;
        return d != null && d.recipe() == recipe && pending.get() == null && !swapPending.get()
                && Math.abs(d.width() - contentWidth()) < 0.5
                && Math.abs(d.height() - contentHeight()) < 0.5;
    }

    @Override
    protected void layoutChildren() {
        javafx.geometry.Insets insets = getInsets();
        view.relocate(insets.getLeft(), insets.getTop());
        view.setFitWidth(contentWidth());
        view.setFitHeight(contentHeight());
    }

    private double contentWidth() {
        return getWidth() - getInsets().getLeft() - getInsets().getRight();
    }

    private double contentHeight() {
        return getHeight() - getInsets().getTop() - getInsets().getBottom();
    }

    private void redraw() {
        double width = contentWidth();
        double height = contentHeight();
        if (recipe == null || width < 10 || height < 10) {
            return;
        }
        if (hidden()) {
            // the Train view's charts go on changing while the Spikes view animates: they wait, and leave the CPU
            deferred = true;
            return;
        }
        deferred = false;
        double scale = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX() : 1.0;
        pending.set(new Request(recipe, width, height, scale));
        if (drawing.compareAndSet(false, true)) {
            renderer.submit(this::drawPending, 0);
        }
    }

    /** True when a drawing waits for the pane to be shown (FX thread; for tests). */
    boolean waitsToBeShown() {
        return deferred;
    }

    /** True when this pane or one of its parents is invisible, as the content of a tab that is not selected is. */
    private boolean hidden() {
        for (javafx.scene.Node node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return true;
            }
        }
        return false;
    }

    /** Before each layout pass: a drawing put off while hidden is made once the pane shows again. */
    private void drawIfShownAgain() {
        if (deferred && !hidden()) {
            redraw();
        }
    }

    /**
     * On the renderer thread: draws the newest request, at most once per {@link #MIN_INTERVAL_NANOS} and
     * only after the previous image is on screen (so a busy chart costs a bounded share of the CPU).
     */
    private void drawPending() {
        long wait = lastDrawNanos + MIN_INTERVAL_NANOS - System.nanoTime();
        if (swapPending.get() || wait > 0) {
            renderer.submit(this::drawPending, Math.max(wait, 16_000_000L));
            return;
        }
        Request request = pending.getAndSet(null);
        if (request != null) {
            lastDrawNanos = System.nanoTime();
            try {
                Image image = draw(request);
                Drawn made = drawn;
                swapPending.set(true);
                swaps.enqueue(() -> {
                    view.setImage(image);
                    shown = image;
                    onScreen = made;
                    chromeHeight.set(getInsets().getTop() + getInsets().getBottom() + made.height()
                            - made.info().getPlotInfo().getDataArea().getHeight());
                    swapPending.set(false);
                });
            } catch (RuntimeException e) {
                System.getLogger(ChartPane.class.getName()).log(System.Logger.Level.WARNING,
                        "could not draw " + exportName, e);
            }
        }
        drawing.set(false);
        if (pending.get() != null && drawing.compareAndSet(false, true)) {
            renderer.submit(this::drawPending, 0);
        }
    }

    private Image draw(Request request) {
        JFreeChart chart = request.recipe().get();
        int w = (int) Math.ceil(request.width() * request.scale());
        int h = (int) Math.ceil(request.height() * request.scale());
        if (canvas == null || canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        }
        Graphics2D g = canvas.createGraphics();
        g.scale(request.scale(), request.scale());
        ChartRenderingInfo info = drawChart(g, chart, request.width(), request.height());
        g.dispose();
        drawn = new Drawn(request.recipe(), chart, info, request.width(), request.height());
        return SwingFXUtils.toFXImage(canvas, offScreenBuffer(w, h));
    }

    /**
     * Draws {@code chart} as every pane does, antialiased, on a {@code width × height} page of {@code g}
     * (also how tests look at a chart's text); returns where its parts went.
     */
    public static ChartRenderingInfo drawChart(Graphics2D g, JFreeChart chart, double width, double height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        return info;
    }

    /** A buffer of size w × h that is not on screen, or null to let a new one be made. */
    private WritableImage offScreenBuffer(int w, int h) {
        for (int i = 0; i < buffers.length; i++) {
            WritableImage b = buffers[i];
            if (b == shown) {
                continue;
            }
            if (b == null || (int) b.getWidth() != w || (int) b.getHeight() != h) {
                buffers[i] = new WritableImage(w, h);
            }
            return buffers[i];
        }
        return null;
    }

    private String tooltipAt(double x, double y) {
        Drawn d = drawn;
        if (d == null) {
            return explanation;
        }
        EntityCollection entities = d.info().getEntityCollection();
        ChartEntity entity = entities == null ? null : entities.getEntity(x, y);
        String text = entity == null ? null : entity.getToolTipText();
        if (text == null || text.isEmpty()) {
            return explanation;
        }
        return explanation.isEmpty() ? text : text + "\n\n" + explanation;
    }

    private void export(String format) {
        Drawn d = drawn;
        if (d == null || getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export chart as " + format.toUpperCase());
        chooser.setInitialFileName(exportName + "." + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(), "*." + format));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        int w = (int) Math.max(d.width(), 800);
        int h = (int) Math.max(d.height(), 500);
        Supplier<JFreeChart> latest = exportRecipe;
        renderer.submit(() -> {
            try {
                JFreeChart chart = latest.get();
                if (format.equals("png")) {
                    ChartExport.png(chart, w, h, file.toPath());
                } else {
                    ChartExport.svg(chart, w, h, file.toPath());
                }
            } catch (IOException e) {
                Platform.runLater(() -> setExplanation("export failed: " + e.getMessage()));
            }
        });
    }
}
