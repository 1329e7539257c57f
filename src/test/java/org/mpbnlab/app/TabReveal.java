package org.mpbnlab.app;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Brings a node into view the way a user would: by choosing every tab it sits in (e.g. the settings
 * group a field belongs to, when the Train view shows its groups as tabs). Call on the FX thread.
 */
public final class TabReveal {

    private TabReveal() {
    }

    public static void reveal(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up.getParent() != null && isTabPaneContent(up)) {
                TabPane pane = tabPaneAbove(up);
                for (Tab tab : pane.getTabs()) {
                    if (tab.getContent() == up) {
                        pane.getSelectionModel().select(tab);
                    }
                }
            }
        }
        if (node.getScene() != null) {
            node.getScene().getRoot().applyCss();
            node.getScene().getRoot().layout();
        }
    }

    private static boolean isTabPaneContent(Node node) {
        TabPane pane = tabPaneAbove(node);
        return pane != null && pane.getTabs().stream().anyMatch(t -> t.getContent() == node);
    }

    private static TabPane tabPaneAbove(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof TabPane pane) {
                return pane;
            }
        }
        return null;
    }
}
