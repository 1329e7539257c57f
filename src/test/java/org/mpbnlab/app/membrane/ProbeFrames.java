package org.mpbnlab.app.membrane;

import java.util.List;
import org.mpbnlab.probe.ProbeFrame;
import org.mpbnlab.probe.ProbeRecorder;
import org.mpbnlab.probe.StatisticsSource;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.session.SessionSnapshot;
import org.mpbnlab.session.SessionState;
import org.mpbnlab.session.TrainingCurves;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Pass;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Real recordings of small networks for view-model and chart tests. */
public final class ProbeFrames {

    private ProbeFrames() {
    }

    /** A recording of conv-small on 1×8×8 inputs (two conv LIF layers of 32 and 64 channels). */
    public static ProbeFrame conv(int steps, MpbnMode mode, long iteration, long seed) {
        Network network = NetworkBuilder.build(Presets.build("conv-small", new int[] {1, 8, 8}, 3, steps,
                LifParameters.defaults(), MpbnParameters.of(mode, RunningStatsMode.SHARED)), DataType.FLOAT, seed);
        Nd4j.getRandom().setSeed(seed);
        network.forward(Nd4j.rand(DataType.FLOAT, steps * 4, 1, 8, 8), new Pass(steps, 4, true));
        return new ProbeRecorder(network).record(iteration, StatisticsSource.TRAINING_BATCH);
    }

    public static SessionSnapshot snapshot(ProbeFrame latest, List<ProbeFrame> history) {
        return new SessionSnapshot(RunPlan.fromRandomWeights(RunSettings.defaults()), SessionState.PAUSED,
                latest.iteration(), 100, 0,
                TrainingCurves.empty(), latest.layers().stream().map(l -> l.description()).toList(), latest, history,
                latest.source(), 0, "");
    }

    /** A recording of conv-small on 1×8×8 inputs from an evaluation pass (running statistics). */
    static ProbeFrame convEvaluation(int steps, long iteration, long seed) {
        Network network = NetworkBuilder.build(Presets.build("conv-small", new int[] {1, 8, 8}, 3, steps,
                LifParameters.defaults(), MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.SHARED)),
                DataType.FLOAT, seed);
        Nd4j.getRandom().setSeed(seed);
        network.forward(Nd4j.rand(DataType.FLOAT, steps * 4, 1, 8, 8), new Pass(steps, 4, false));
        return new ProbeRecorder(network).record(iteration, StatisticsSource.PROBE_BATCH);
    }
}
