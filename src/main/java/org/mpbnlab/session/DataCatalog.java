package org.mpbnlab.session;

import java.util.List;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.Encoder;

/** Where a session gets its data: datasets by name and the encoder that turns samples into input. */
public interface DataCatalog {

    /** Names a user may choose, in display order. */
    List<String> datasetNames();

    /** Makes or reads dataset {@code name}; the same seed gives the same samples. */
    Dataset load(String name, long seed);

    /** The input encoding for {@code dataset} (direct coding for static samples). */
    Encoder encoderFor(Dataset dataset);
}
