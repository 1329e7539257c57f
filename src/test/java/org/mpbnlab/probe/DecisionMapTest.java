package org.mpbnlab.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoders;
import org.mpbnlab.session.RegistryDataCatalog;
import org.mpbnlab.snn.LifParameters;
import org.mpbnlab.snn.MpbnMode;
import org.mpbnlab.snn.MpbnParameters;
import org.mpbnlab.snn.Network;
import org.mpbnlab.snn.NetworkBuilder;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.snn.RunningStatsMode;
import org.mpbnlab.train.InputFeeder;
import org.mpbnlab.train.Predictions;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;
import org.nd4j.linalg.api.buffer.DataType;

/** Decision regions against the network's own predictions at the cells' centres. */
class DecisionMapTest {

    private static Dataset spirals() {
        return RegistryDataCatalog.standard().load(RunSettings.defaults().with(SettingsTable.DATASET, "spirals")
                .with(SettingsTable.TRAIN_SAMPLES, 200).with(SettingsTable.TEST_SAMPLES, 20));
    }

    private static Network network(Dataset data) {
        return NetworkBuilder.build(Presets.build("mlp-2d", data.frameShape(), data.numClasses(), 3,
                LifParameters.defaults(), MpbnParameters.of(MpbnMode.CHANNEL, RunningStatsMode.PER_STEP)),
                DataType.FLOAT, 4);
    }

    @Test
    void everyCellHoldsTheClassTheNetworkPredictsAtItsCentreAndTheGridCoversThePoints() {
        Dataset data = spirals();
        Network network = network(data);
        InputFeeder feeder = new InputFeeder(Encoders.defaultFor(data), 1);
        DecisionMap map = DecisionMap.of(network, data.train(), feeder, 12);
        float[] xy = data.train().features();
        for (int i = 0; i < data.train().count(); i++) {
            assertTrue(map.xMin() < xy[2 * i] && xy[2 * i] < map.xMax());
            assertTrue(map.yMin() < xy[2 * i + 1] && xy[2 * i + 1] < map.yMax());
        }
        float[] centres = new float[2 * 144];
        for (int row = 0; row < 12; row++) {
            for (int column = 0; column < 12; column++) {
                centres[2 * (row * 12 + column)] = (float) map.centreX(column);
                centres[2 * (row * 12 + column) + 1] = (float) map.centreY(row);
            }
        }
        int[] one = Predictions.of(network, new DataSplit(centres, new int[144], new int[] {2},
                data.train().normalisation()), feeder, 7).predictions();
        for (int row = 0; row < 12; row++) {
            for (int column = 0; column < 12; column++) {
                assertEquals(one[row * 12 + column], map.classAt(column, row), "cell " + column + ", " + row);
            }
        }
        assertTrue(java.util.Arrays.stream(map.classes()).distinct().count() >= 1);
    }

    @Test
    void onlyTwoDimensionalPointsHaveDecisionRegions() {
        DataSplit images = new DataSplit(new float[2 * 4], new int[2], new int[] {1, 2, 2});
        Dataset data = spirals();
        assertThrows(IllegalArgumentException.class, () -> DecisionMap.of(network(data), images,
                new InputFeeder(Encoders.defaultFor(data), 1), 4));
        assertThrows(IllegalArgumentException.class, () -> new DecisionMap(0, 1, 0, 1, 3, new int[8]));
        assertEquals(List.of(0, 1), List.of(new DecisionMap(0, 1, 0, 1, 1, new int[] {0}).classAt(0, 0), 1));
    }
}
