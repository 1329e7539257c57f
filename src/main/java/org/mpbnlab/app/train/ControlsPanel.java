package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Train view's left panel, arranged for the height it has, in the first of three ways that fits:
 * <ol>
 *   <li>{@link Arrangement#STACKED}: one column, the settings groups under their titles, the run controls
 *       (Play, One batch, Reset, and under them what Play will do or why an action did not run), the run's progress
 *       and state, the list of runs and Save model;</li>
 *   <li>{@link Arrangement#SETTINGS_AS_TABS}: the same column with the settings groups as tabs, one shown at a
 *       time (e.g. a 1280 × 720 screen in normal fonts): the run's state and the list of runs stay in view;</li>
 *   <li>{@link Arrangement#ALL_AS_TABS}: the groups as tabs followed by a tab "Runs" with the run's state, the list
 *       of runs and Save model, so that the run controls stay in view under them (classroom fonts on a projector's
 *       1280 × 720 or 1024 × 768). The Runs tab leaves out the progress bar (the status bar shows it) and the
 *       messages under the buttons give up a line, to keep room for four runs; the tab scrolls inside itself rather
 *       than be cut if its notes are long.</li>
 * </ol>
 * The choice, and so where Play, One batch and Reset are, depends on the panel's size and fonts only, never on the
 * values chosen or the texts shown: the settings keep one height whatever their values ({@link ChoiceField},
 * {@link ReservedNote}), and the notes under the buttons count with the room they keep. Only if even the last
 * arrangement is too high does the panel scroll.
 */
final class ControlsPanel extends VBox {

    /** How the panel is arranged, from the most shown at once to the least. */
    enum Arrangement { STACKED, SETTINGS_AS_TABS, ALL_AS_TABS }

    private static final double SPACING = 8;

    private final Supplier<Bounds> viewport;
    private final SettingsGrid groups;
    private final Node buttons;
    private final MessageArea messages;
    private final Node progress;
    private final Node status;
    private final Label runsTitle;
    private final ListView<?> runs;
    private final List<Node> runsFooter;
    private final Tab runsTab = new Tab("Runs");
    private final VBox runsPane = new VBox(SPACING);
    /** The Runs tab's content: scrolls inside the tab when its notes are too long for it, never cut by Play. */
    private final ScrollPane runsScroller = new ScrollPane(runsPane);
    private Arrangement arrangement;

    /**
     * @param viewport the visible part of the panel (it sits in a scroll pane)
     * @param buttons what stays in view under the settings, in one place whatever is said under it
     * @param messages under the buttons: what they will do, why they did not, why a run failed; always the same
     *                 height, so that the buttons stay where they are (under the user's mouse) when a message comes,
     *                 grows or goes
     * @param progress the run's progress: under the run controls (left out of the Runs tab: the status bar has it)
     * @param status the run's state: under the progress, or atop the Runs tab
     * @param runsFooter under the list of runs: its buttons and Save model, and the save state
     */
    ControlsPanel(Supplier<Bounds> viewport, SettingsGrid groups, Node buttons, MessageArea messages, Node progress,
                  Node status, Label runsTitle, ListView<?> runs, List<Node> runsFooter) {
        super(SPACING);
        this.viewport = viewport;
        this.groups = groups;
        this.buttons = buttons;
        this.messages = messages;
        this.progress = progress;
        this.status = status;
        this.runsTitle = runsTitle;
        this.runs = runs;
        this.runsFooter = runsFooter;
        setPadding(new Insets(10));
        runsTab.setId("settings-group-runs");
        runsPane.setPadding(new Insets(6, 4, 4, 4));
        runsScroller.setId("runs-tab-content");
        runsScroller.getStyleClass().add("message-area"); // no frame: the tab's own background
        runsScroller.setFitToWidth(true);
        runsScroller.setFitToHeight(true);
        runsScroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        runsScroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        VBox.setVgrow(runs, Priority.ALWAYS);
        keepPreferredHeight(buttons);
        keepPreferredHeight(progress);
        keepPreferredHeight(status);
        for (Node node : runsFooter) {
            keepPreferredHeight(node);
        }
        keepPreferredHeight(runsTitle);
        arrange(Arrangement.STACKED);
    }

    /** How the panel is arranged now. */
    Arrangement arrangement() {
        return arrangement;
    }

    @Override
    protected void layoutChildren() {
        Bounds visible = viewport.get();
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        groups.fitWidth(inner);
        if (visible.getHeight() > 0) {
            arrange(fitting(visible.getWidth(), visible.getHeight()));
            groups.fitWidth(inner);
        }
        super.layoutChildren();
    }

    /** The first arrangement that fits {@code height} at {@code width} (the last one when none does). */
    private Arrangement fitting(double width, double height) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        if (columnHeight(inner, groups.stackedHeight(inner)) <= height) {
            return Arrangement.STACKED;
        }
        if (columnHeight(inner, groups.tabbedHeight(inner)) <= height) {
            return Arrangement.SETTINGS_AS_TABS;
        }
        return Arrangement.ALL_AS_TABS;
    }

    /**
     * How high the panel is as one column at {@code width} with the settings {@code settingsHeight} high, the run list
     * at its least height and each note under the buttons as high as the room it keeps (not as its text: the choice
     * must not change with what a note says), whichever way it is shown now (so that the choice does not flip back
     * and forth).
     */
    private double columnHeight(double width, double settingsHeight) {
        double height = snappedTopInset() + snappedBottomInset();
        int shown = 0;
        for (Node node : oneColumn()) {
            if (!node.isManaged()) {
                continue;
            }
            height += node == groups ? settingsHeight : node == runs ? runs.minHeight(width)
                    : node == messages ? messages.linesHeight(MessageArea.LINES)
                    : node instanceof ReservedNote note ? note.reservedHeight(width) : node.prefHeight(width);
            shown++;
        }
        return height + SPACING * Math.max(0, shown - 1);
    }

    private List<Node> oneColumn() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(groups);
        nodes.add(buttons);
        nodes.add(messages);
        nodes.add(progress);
        nodes.add(status);
        nodes.add(runsTitle);
        nodes.add(runs);
        nodes.addAll(runsFooter);
        return nodes;
    }

    private void arrange(Arrangement chosen) {
        if (chosen == arrangement) {
            return;
        }
        arrangement = chosen;
        groups.showAsTabs(chosen != Arrangement.STACKED);
        messages.showLines(chosen == Arrangement.ALL_AS_TABS ? MessageArea.TABBED_LINES : MessageArea.LINES);
        runsPane.getChildren().clear();
        runsTab.setContent(null);
        groups.tabs().getTabs().remove(runsTab);
        // with the Runs tab, the tabs take the height left over (a longer run list, no blank band under the buttons)
        VBox.setVgrow(groups, chosen == Arrangement.ALL_AS_TABS ? Priority.ALWAYS : null);
        if (chosen == Arrangement.ALL_AS_TABS) {
            runsPane.getChildren().add(status);
            runsPane.getChildren().add(runs);
            runsPane.getChildren().addAll(runsFooter);
            runsTab.setContent(runsScroller);
            groups.tabs().getTabs().add(runsTab);
            getChildren().setAll(groups, buttons, messages);
        } else {
            getChildren().setAll(oneColumn());
        }
    }

    /** Wrapped lines keep all their lines: only the run list gives up height when room is short. */
    private static void keepPreferredHeight(Node node) {
        if (node instanceof Region region) {
            region.setMinHeight(Region.USE_PREF_SIZE);
            if (node instanceof javafx.scene.Parent parent && !(node instanceof javafx.scene.control.Control)) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    keepPreferredHeight(child);
                }
            }
        }
    }
}
