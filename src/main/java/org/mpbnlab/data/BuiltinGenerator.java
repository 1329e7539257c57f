package org.mpbnlab.data;

import java.util.List;

/** A dataset made by a program from a seed: no files, no network. */
public interface BuiltinGenerator {

    /** Registry name, e.g. {@code "spirals"}. */
    String name();

    /** One line saying what the samples look like. */
    String description();

    List<String> classNames();

    /** Shape of one sample. */
    int[] sampleShape();

    /** 0 for static samples, otherwise the number of event frames per sample. */
    int temporalSteps();

    /** Sizes and noise used when the caller gives none. */
    GeneratorOptions defaults(long seed);

    /** Makes the dataset; the same options give identical arrays. */
    Dataset generate(GeneratorOptions options);
}
