package org.mpbnlab.app.train;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Train view's left panel, arranged for the height it has. When everything fits it is one column: the
 * settings groups under their titles, the run controls (Play, One batch, Reset, what Play will do), the
 * run's progress and state, the list of runs and Save model. When it does not (classroom fonts on a
 * projector's 1280 × 720 or 1024 × 768), the groups become tabs, one shown at a time, followed by a tab
 * "Runs" with the run's progress, the list of runs and Save model, so that the run controls stay in view
 * under them. Only if even that is too high does the panel scroll.
 */
final class ControlsPanel extends VBox {

    private static final double SPACING = 8;

    private final Supplier<Bounds> viewport;
    private final Label settingsTitle;
    private final SettingsGrid groups;
    private final List<Node> runControls;
    private final List<Node> runState;
    private final Label runsTitle;
    private final ListView<?> runs;
    private final List<Node> runsFooter;
    private final Tab runsTab = new Tab("Runs");
    private final VBox runsPane = new VBox(SPACING);
    private Boolean tabbed;

    /**
     * @param viewport the visible part of the panel (it sits in a scroll pane)
     * @param runControls what stays in view under the settings: buttons and what they will do
     * @param runState the run's progress and state: under the run controls, or atop the Runs tab (the status
     *                 bar says it too)
     * @param runsFooter under the list of runs: its buttons and Save model
     */
    ControlsPanel(Supplier<Bounds> viewport, Label settingsTitle, SettingsGrid groups, List<Node> runControls,
                  List<Node> runState, Label runsTitle, ListView<?> runs, List<Node> runsFooter) {
        super(SPACING);
        this.viewport = viewport;
        this.settingsTitle = settingsTitle;
        this.groups = groups;
        this.runControls = runControls;
        this.runState = runState;
        this.runsTitle = runsTitle;
        this.runs = runs;
        this.runsFooter = runsFooter;
        setPadding(new Insets(10));
        runsTab.setId("settings-group-runs");
        runsPane.setPadding(new Insets(6, 4, 4, 4));
        VBox.setVgrow(runs, Priority.ALWAYS);
        groups.setMinHeight(Region.USE_PREF_SIZE);
        for (Node node : runControls) {
            keepPreferredHeight(node);
        }
        for (Node node : runsFooter) {
            keepPreferredHeight(node);
        }
        for (Node node : runState) {
            keepPreferredHeight(node);
        }
        keepPreferredHeight(settingsTitle);
        keepPreferredHeight(runsTitle);
        arrange(false);
    }

    /** True while the settings groups and the runs are shown as tabs. */
    boolean showsTabs() {
        return Boolean.TRUE.equals(tabbed);
    }

    @Override
    protected void layoutChildren() {
        Bounds visible = viewport.get();
        if (visible.getHeight() > 0) {
            arrange(oneColumnHeight(visible.getWidth()) > visible.getHeight());
        }
        super.layoutChildren();
    }

    /**
     * How high the panel is as one column at {@code width}, the run list at its least height, whichever way
     * it is shown now (so that the choice does not flip back and forth).
     */
    private double oneColumnHeight(double width) {
        double inner = width - snappedLeftInset() - snappedRightInset();
        double height = snappedTopInset() + snappedBottomInset();
        int shown = 0;
        for (Node node : oneColumn()) {
            if (!node.isManaged()) {
                continue;
            }
            height += node == groups ? groups.stackedHeight(inner, settingsTitle.prefHeight(inner))
                    : node == runs ? runs.minHeight(inner) : node.prefHeight(inner);
            shown++;
        }
        return height + SPACING * Math.max(0, shown - 1);
    }

    private List<Node> oneColumn() {
        List<Node> nodes = new java.util.ArrayList<>();
        nodes.add(settingsTitle);
        nodes.add(groups);
        nodes.addAll(runControls);
        nodes.addAll(runState);
        nodes.add(runsTitle);
        nodes.add(runs);
        nodes.addAll(runsFooter);
        return nodes;
    }

    private void arrange(boolean asTabs) {
        if (tabbed != null && tabbed == asTabs) {
            return;
        }
        tabbed = asTabs;
        groups.showAsTabs(asTabs);
        runsPane.getChildren().clear();
        runsTab.setContent(null);
        groups.tabs().getTabs().remove(runsTab);
        // as tabs, the tabs take the height left over (a longer run list, no blank band under the buttons)
        VBox.setVgrow(groups, asTabs ? Priority.ALWAYS : null);
        if (asTabs) {
            runsPane.getChildren().addAll(runState);
            runsPane.getChildren().add(runs);
            runsPane.getChildren().addAll(runsFooter);
            runsTab.setContent(runsPane);
            groups.tabs().getTabs().add(runsTab);
            getChildren().setAll(groups);
            getChildren().addAll(runControls);
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
