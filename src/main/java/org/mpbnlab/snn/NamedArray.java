package org.mpbnlab.snn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An array with the stable name under which it is saved, e.g. {@code "layer2.runningMean"}. */
public record NamedArray(String name, INDArray array) {
}
