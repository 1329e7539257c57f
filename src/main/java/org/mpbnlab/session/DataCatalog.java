package org.mpbnlab.session;

import java.util.List;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.train.settings.RunSettings;

/** Where a session gets its data: what the data sets are, and the data of a run's settings. */
public interface DataCatalog {

    /** Names a user may choose, in display order. */
    List<String> datasetNames();

    /** What is known about data set {@code name} without loading it: sample shape, classes, split sizes. */
    DatasetInfo info(String name);

    /** The data a run with {@code settings} trains and tests on (see {@code RunFactory.loadData}). */
    Dataset load(RunSettings settings);

    /** True when {@code name} is not built in but read from files that are downloaded on first use. */
    default boolean downloads(String name) {
        return false;
    }
}
