package org.mpbnlab.app.shell;

import java.util.List;

/** The texts of the Help menu. */
final class HelpTexts {

    private HelpTexts() {
    }

    /** One line of the keyboard help: the keys, and what they do. */
    record Shortcut(String keys, String action) {
    }

    static final String KEYBOARD_TITLE = "Keyboard shortcuts";

    /**
     * Every key of the window, in the order of the help's grid. The menu keys are written as JavaFX displays a
     * menu's accelerator on Linux and Windows ({@code Ctrl+O}); a test checks that every accelerator is here.
     */
    static final List<Shortcut> KEYBOARD = List.of(
            new Shortcut("Space", "play / pause training (also while a settings field has the focus)"),
            new Shortcut("→", "Train tab: train one batch; Membrane and Spikes tabs: next time step"),
            new Shortcut("←", "Membrane and Spikes tabs: previous time step"),
            new Shortcut("↑ / ↓", "Membrane tab: older / newer recording in the training history"),
            new Shortcut("Ctrl+O", "open a model file"),
            new Shortcut("Ctrl+S", "save the model (weights and settings) to its file; asks the first time"),
            new Shortcut("Ctrl+Shift+S", "save the model as another file"),
            new Shortcut("Ctrl+N", "new run from random weights"),
            new Shortcut("Ctrl+H", "show / hide the settings panel"),
            new Shortcut("Ctrl+L", "classroom theme (large fonts) on / off"),
            new Shortcut("Ctrl+K", "high-contrast theme on / off"),
            new Shortcut("Ctrl+Q", "quit (asks first when training is not saved)"));

    /** Below the grid: what the mouse does that no key does. */
    static final String KEYBOARD_NOTE = "Right-click a chart to export it as PNG or SVG.";

    static final String MEMBRANE_TITLE = "What the Membrane view shows";

    static final String MEMBRANE = """
            u_pre[t] = τ·u[t−1] + x[t]: the membrane after charging, before MPBN and before the reset.
            û[t] = γ·(u_pre[t] − μ)/sqrt(σ² + ε) + β: after MPBN; a neuron spikes when û > V_th.
            In training, μ and σ² are the statistics of the current batch at step t (batch statistics);
            in evaluation, MPBN uses its running statistics. Each chart says which one it used.
            After a spike the RAW membrane is reset: u[t] = u_pre[t]·(1 − s[t]).""";
}
