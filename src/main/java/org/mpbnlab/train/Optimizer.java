package org.mpbnlab.train;

import java.util.Collection;
import org.mpbnlab.snn.Parameter;

/** Updates parameters from their gradients. Weight decay applies only to parameters marked decayed. */
public interface Optimizer {

    /** One update of every parameter with learning rate {@code learningRate}. */
    void step(Collection<Parameter> parameters, double learningRate);

    /** A stable name, e.g. {@code "sgd"}. */
    String name();
}
