package org.mpbnlab.train;

import org.mpbnlab.snn.Network;

/** A network read from or written to a model file, with its provenance. */
public record SavedModel(Network network, ModelInfo info) {
}
