package org.mpbnlab.train;

import java.nio.FloatBuffer;
import org.mpbnlab.snn.ArrayValues;
import org.mpbnlab.snn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Heap copies of a parameter's value and gradient, so that an optimizer's update is one tight loop
 * over float arrays (which the JIT vectorizes) with a bulk copy in and out of ND4J's memory.
 */
final class ParameterBuffers {

    final float[] value;
    final float[] gradient;
    private final Parameter parameter;

    ParameterBuffers(Parameter parameter) {
        this.parameter = parameter;
        int length = (int) parameter.value().length();
        this.value = new float[length];
        this.gradient = new float[length];
    }

    /** Copies the current value and gradient in. */
    void load() {
        if (parameter.value().dataType() == DataType.FLOAT) {
            parameter.value().data().asNioFloat().get(value);
            parameter.gradient().data().asNioFloat().get(gradient);
            return;
        }
        System.arraycopy(ArrayValues.readFloats(parameter.value()), 0, value, 0, value.length);
        System.arraycopy(ArrayValues.readFloats(parameter.gradient()), 0, gradient, 0, gradient.length);
    }

    /** Writes the updated value back. */
    void store() {
        if (parameter.value().dataType() == DataType.FLOAT) {
            FloatBuffer target = parameter.value().data().asNioFloat();
            target.put(value);
            return;
        }
        ArrayValues.write(parameter.value(), value);
    }
}
