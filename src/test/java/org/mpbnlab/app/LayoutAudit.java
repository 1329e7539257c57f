package org.mpbnlab.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.ComboBoxBaseSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import org.mpbnlab.app.charts.ChartPane;

/**
 * Checks a laid-out part of a window for what a class at a projector would miss (call on the FX thread,
 * after layout and after the charts are drawn): a text cut short with "…" or to nothing (table cells and column
 * headers too), a choice box whose chosen value does not show, a control outside the window, cut by its
 * container (a column header beyond its table's width) or hidden until the user scrolls, and in every
 * chart a title, legend or tick label cut off at the edge or covering another text, or a plot area too
 * small to read. Each finding names the node by the ids on its path and what it shows.
 */
public final class LayoutAudit {

    /** A plot area lower or narrower than this many pixels leaves no room to read a curve. */
    public static final double MIN_PLOT_SIZE = 100;
    /** Pixels a control may reach past the visible area (rounding of fractional layouts). */
    private static final double TOLERANCE = 1.0;
    /** No clip at all (yet). */
    private static final Bounds UNBOUNDED = new BoundingBox(-1e9, -1e9, 2e9, 2e9);

    private LayoutAudit() {
    }

    /**
     * The charts under {@code node} that are shown (their ancestors all visible): the ones an audit waits for
     * until they show their newest data.
     */
    public static List<ChartPane> shownCharts(Node node) {
        List<ChartPane> charts = new ArrayList<>();
        if (!node.isVisible()) {
            return charts;
        }
        if (node instanceof ChartPane chart) {
            charts.add(chart);
        } else if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                charts.addAll(shownCharts(child));
            }
        }
        return charts;
    }

    /** The problems found under {@code root}, each "path: problem"; empty when everything fits. */
    public static List<String> audit(Node root) {
        return audit(root, Set.of());
    }

    /**
     * The problems found under {@code root}, where the controls (scroll panes, tables) whose ids are in
     * {@code scrolling} scroll by design: a node inside one must be whole within the clips inside it, but may be
     * scrolled out of its view. Everywhere else, a node cut by any clip (a table's header row cutting a column
     * header, a scroll pane's viewport) or by the window's edge is a finding.
     */
    public static List<String> audit(Node root, Collection<String> scrolling) {
        List<String> findings = new ArrayList<>();
        Bounds window = new BoundingBox(0, 0, root.getScene().getWidth(), root.getScene().getHeight());
        walk(root, root, window, Set.copyOf(scrolling), findings);
        return findings;
    }

    private static void walk(Node root, Node node, Bounds window, Set<String> scrolling, List<String> findings) {
        if (node instanceof VirtualFlow<?> flow && node.isVisible()) {
            checkTableCells(root, flow, findings);
            return;
        }
        if (!node.isVisible() || node instanceof ScrollBar) {
            return;
        }
        boolean insideChoice = node.getParent() instanceof ComboBoxBase<?> || node.getParent() instanceof ChoiceBox<?>;
        if (!insideChoice) {
            checkVisible(root, node, window, scrolling, findings);
            if (node instanceof Labeled labeled) {
                checkLabeled(root, labeled, findings);
            }
        }
        if (node instanceof ComboBox<?> box) {
            checkComboBox(root, box, findings);
        } else if (node instanceof ChoiceBox<?> box) {
            checkChoiceBox(root, box, findings);
        } else if (node instanceof ChartPane chart) {
            checkChart(root, chart, findings);
        }
        if (node instanceof Parent parent && !(node instanceof ComboBoxBase<?>) && !(node instanceof ChoiceBox<?>)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(root, child, window, scrolling, findings);
            }
        }
    }

    /** Is this a node a user reads or works (as opposed to a layout pane)? */
    private static boolean readOrWorked(Node node) {
        return node instanceof Labeled labeled ? !isBlank(labeled.getText()) || labeled.getGraphic() != null
                : node instanceof TextInputControl || node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?>
                || node instanceof Slider || node instanceof ListView<?> || node instanceof ProgressBar
                || node instanceof ChartPane;
    }

    /**
     * The text of every table cell shown (a table's rows live in a virtual flow, which lays out only the rows in
     * view): none may be cut short with "…". Other virtual flows (lists) are left alone.
     */
    private static void checkTableCells(Node root, Node node, List<String> findings) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableCell<?, ?> cell) {
            if (!cell.isEmpty()) {
                checkLabeled(root, cell, findings);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                checkTableCells(root, child, findings);
            }
        }
    }

    private static void checkVisible(Node root, Node node, Bounds window, Set<String> scrolling,
                                     List<String> findings) {
        if (!readOrWorked(node)) {
            return;
        }
        Bounds own = node.localToScene(node.getLayoutBounds());
        // the clips of the node's ancestors, innermost first, up to a control that scrolls by design (whose own
        // viewport clip, and the window, may hide the node: the user scrolls it into view)
        Bounds shown = UNBOUNDED;
        boolean scrolledByDesign = false;
        for (Node up = node.getParent(); up != null && shown != null; up = up.getParent()) {
            Node control = up.getParent();
            if (control != null && control.getId() != null && scrolling.contains(control.getId())) {
                scrolledByDesign = true;
                break;
            }
            if (up.getClip() != null) {
                shown = intersection(shown, up.localToScene(up.getClip().getBoundsInParent()));
            }
        }
        if (!scrolledByDesign && shown != null) {
            shown = intersection(shown, window);
        }
        if (shown == UNBOUNDED) {
            return;
        }
        if (shown == null || own.getMinX() < shown.getMinX() - TOLERANCE || own.getMinY() < shown.getMinY() - TOLERANCE
                || own.getMaxX() > shown.getMaxX() + TOLERANCE || own.getMaxY() > shown.getMaxY() + TOLERANCE) {
            findings.add(path(root, node) + ": is outside the visible area or needs scrolling (at "
                    + box(own) + ", visible " + (shown == null ? "nothing" : box(shown)) + ")");
        }
    }

    private static void checkLabeled(Node root, Labeled labeled, List<String> findings) {
        String wanted = displayedForm(labeled);
        if (wanted.isEmpty() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return;
        }
        String shown = shownText(labeled);
        if (!wanted.equals(shown)) {
            findings.add(path(root, labeled) + ": shows '" + shown + "' instead of '" + wanted + "'");
        }
    }

    private static void checkComboBox(Node root, ComboBox<?> box, List<String> findings) {
        if (box.getValue() == null || !(box.getSkin() instanceof ComboBoxBaseSkin<?> skin)
                || !(skin.getDisplayNode() instanceof Labeled cell)) {
            return;
        }
        String wanted = valueText(box);
        String shown = shownText(cell);
        if (!wanted.isEmpty() && !wanted.equals(shown)) {
            findings.add(path(root, box) + ": its value '" + wanted + "' shows as '" + shown + "'");
        }
    }

    private static <T> String valueText(ComboBox<T> box) {
        T value = box.getValue();
        return box.getConverter() == null ? String.valueOf(value) : Objects.toString(box.getConverter().toString(value), "");
    }

    private static void checkChoiceBox(Node root, ChoiceBox<?> box, List<String> findings) {
        if (box.getValue() == null) {
            return;
        }
        String wanted = choiceText(box);
        String shown = box.getChildrenUnmodifiable().stream().filter(Labeled.class::isInstance).map(Labeled.class::cast)
                .findFirst().map(LayoutAudit::shownText).orElse("");
        if (!wanted.isEmpty() && !wanted.equals(shown)) {
            findings.add(path(root, box) + ": its value '" + wanted + "' shows as '" + shown + "'");
        }
    }

    private static <T> String choiceText(ChoiceBox<T> box) {
        T value = box.getValue();
        return box.getConverter() == null ? String.valueOf(value) : Objects.toString(box.getConverter().toString(value), "");
    }

    private static void checkChart(Node root, ChartPane pane, List<String> findings) {
        if (pane.chart() == null) {
            findings.add(path(root, pane) + ": no chart is drawn");
            return;
        }
        double width = pane.getWidth() - pane.getInsets().getLeft() - pane.getInsets().getRight();
        double height = pane.getHeight() - pane.getInsets().getTop() - pane.getInsets().getBottom();
        for (String problem : ChartTextAudit.audit(pane.chart(), width, height, MIN_PLOT_SIZE)) {
            findings.add(path(root, pane) + ": " + problem);
        }
    }

    /** The text a labeled control shows: its skin's text node, empty when the skin shows none. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text") && child.isVisible()) {
                return Objects.toString(text.getText(), "");
            }
        }
        return "";
    }

    /** The text as the control should show it (a mnemonic's underscore is not shown). */
    private static String displayedForm(Labeled labeled) {
        String text = Objects.toString(labeled.getText(), "");
        return labeled.isMnemonicParsing() ? text.replaceFirst("_(?=[^_])", "").replace("__", "_") : text;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        if (a == UNBOUNDED) {
            return b;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX < minX || maxY < minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The ids on the way from {@code root} to {@code node}, then the node's kind, id and text. */
    static String path(Node root, Node node) {
        List<String> steps = new ArrayList<>();
        for (Node up = node.getParent(); up != null && up != root.getParent(); up = up.getParent()) {
            if (up.getId() != null) {
                steps.add(0, "#" + up.getId());
            }
        }
        String self = node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
        if (node instanceof Labeled labeled && !isBlank(labeled.getText())) {
            self += " '" + labeled.getText() + "'";
        }
        steps.add(self);
        return String.join(" > ", steps);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String box(Bounds b) {
        return String.format(Locale.ROOT, "x %.0f…%.0f, y %.0f…%.0f", b.getMinX(), b.getMaxX(), b.getMinY(), b.getMaxY());
    }
}
