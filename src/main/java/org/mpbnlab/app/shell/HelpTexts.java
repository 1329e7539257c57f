package org.mpbnlab.app.shell;

/** The texts of the Help menu. */
final class HelpTexts {

    private HelpTexts() {
    }

    static final String KEYBOARD_TITLE = "Keyboard shortcuts";

    static final String KEYBOARD = """
            Space      play / pause training
            →          Train tab: train one batch · Membrane tab: next time step
            ←          Membrane tab: previous time step
            ↑ / ↓      Membrane tab: older / newer recording in the training history
            Ctrl+L     classroom theme (large fonts) on / off
            Ctrl+K     high-contrast theme on / off
            Ctrl+H     show / hide the settings panel
            Right-click a chart to export it as PNG or SVG.""";

    static final String MEMBRANE_TITLE = "What the Membrane view shows";

    static final String MEMBRANE = """
            u_pre[t] = τ·u[t−1] + x[t]: the membrane after charging, before MPBN and before the reset.
            û[t] = γ·(u_pre[t] − μ)/sqrt(σ² + ε) + β: after MPBN; a neuron spikes when û > V_th.
            In training, μ and σ² are the statistics of the current batch at step t (batch statistics);
            in evaluation, MPBN uses its running statistics. Each chart says which one it used.
            After a spike the RAW membrane is reset: u[t] = u_pre[t]·(1 − s[t]).""";
}
