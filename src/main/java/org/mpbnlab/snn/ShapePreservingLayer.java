package org.mpbnlab.snn;

/** A layer whose output has the shape of its input (normalisation, neurons). */
abstract class ShapePreservingLayer implements Layer {

    /** The per-sample shape, in and out. */
    protected final int[] shape;

    ShapePreservingLayer(int[] sampleShape) {
        this.shape = sampleShape.clone();
    }

    @Override
    public final int[] inputShape() {
        return shape.clone();
    }

    @Override
    public final int[] outputShape() {
        return shape.clone();
    }
}
