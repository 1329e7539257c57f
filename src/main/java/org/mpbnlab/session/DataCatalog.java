package org.mpbnlab.session;

import java.util.List;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoder;

/** Where a session gets its data: datasets by name and the encoder that turns samples into input. */
public interface DataCatalog {

    /** Names a user may choose, in display order. */
    List<String> datasetNames();

    /** Shape of one sample and number of classes of {@code name}, known without loading it. */
    DatasetFacts facts(String name);

    /** Makes or reads dataset {@code name}; the same seed gives the same samples. */
    Dataset load(String name, long seed);

    /** True when {@code name} is not built in but read from files that are downloaded on first use. */
    default boolean downloads(String name) {
        return false;
    }

    /** The input encoding for {@code dataset} (direct coding for static samples). */
    Encoder encoderFor(Dataset dataset);

    /** What a settings form needs to know about a dataset to check a preset against it. */
    record DatasetFacts(int[] sampleShape, int classes) {
    }
}
