package org.mpbnlab.session;

import java.util.List;

/**
 * The curves of one run: loss and accuracy of every training batch (training mode), of the test
 * subset (evaluation mode), and the firing rate of every LIF layer.
 */
public record TrainingCurves(MetricCurve trainLoss, MetricCurve trainAccuracy, MetricCurve testLoss,
                             MetricCurve testAccuracy, List<MetricCurve> firingRates) {

    public TrainingCurves {
        firingRates = List.copyOf(firingRates);
    }

    public static TrainingCurves empty() {
        return new TrainingCurves(MetricCurve.empty("train loss"), MetricCurve.empty("train accuracy"),
                MetricCurve.empty("test loss"), MetricCurve.empty("test accuracy"), List.of());
    }
}
