package org.mpbnlab.cli;

import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.NamedChoices;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.snn.Surrogate;
import picocli.CommandLine.Option;

/** The neuron model's options, shared by the commands that build networks. */
final class NeuronOptions {

    @Option(names = "--tau", defaultValue = "0.25", description = "Membrane decay factor τ in [0, 1] (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--vth", defaultValue = "0.5", description = "Firing threshold V_th > 0 (default ${DEFAULT-VALUE}).")
    double vth;

    @Option(names = "--mpbn", defaultValue = "channel", description = "MPBN mode: off, channel or element (default ${DEFAULT-VALUE}).")
    String mpbn;

    @Option(names = "--mpbn-stats", defaultValue = "shared", description = "Running statistics: shared or per-step (default ${DEFAULT-VALUE}).")
    String mpbnStats;

    @Option(names = "--surrogate", defaultValue = "tanh", description = "Surrogate gradient: tanh, sigmoid, arctan, rectangular (default ${DEFAULT-VALUE}).")
    String surrogate;

    @Option(names = "--detach-reset", description = "Stop the gradient through the reset.")
    boolean detachReset;

    LifParameters lif() {
        Checks.inRange("--tau", tau, 0, 1);
        Checks.positive("--vth", vth);
        Checks.oneOf("--surrogate", surrogate, NamedChoices.ids(Surrogate.values(), Surrogate::id));
        return new LifParameters(tau, vth, Surrogate.byId(surrogate), detachReset);
    }

    MpbnParameters mpbn() {
        Checks.oneOf("--mpbn", mpbn, NamedChoices.ids(MpbnMode.values(), MpbnMode::id));
        Checks.oneOf("--mpbn-stats", mpbnStats, NamedChoices.ids(RunningStatsMode.values(), RunningStatsMode::id));
        return MpbnParameters.of(MpbnMode.byId(mpbn), RunningStatsMode.byId(mpbnStats));
    }
}
