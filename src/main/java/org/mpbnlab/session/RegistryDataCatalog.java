package org.mpbnlab.session;

import java.util.Arrays;
import java.util.List;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.Encoders;

/**
 * The datasets of the {@link DatasetRegistry} (built-in generators, and real sets found locally or
 * downloaded on demand), at sizes suited to watching a network learn live, each with its natural
 * encoder (direct coding for static samples, event frames for temporal data).
 */
public final class RegistryDataCatalog implements DataCatalog {

    private final DatasetRegistry registry;
    private final int trainSize;
    private final int testSize;

    /**
     * @param trainSize training samples to generate, or to keep of a real set
     * @param testSize  test samples, likewise
     */
    public RegistryDataCatalog(DatasetRegistry registry, int trainSize, int testSize) {
        this.registry = registry;
        this.trainSize = trainSize;
        this.testSize = testSize;
    }

    /** The user's registry with 6 000 training and 1 000 test samples. */
    public static RegistryDataCatalog forApp() {
        return new RegistryDataCatalog(DatasetRegistry.standard(), 6000, 1000);
    }

    /** The user's registry at the given sizes (small sizes make quick tests). */
    public static RegistryDataCatalog standard(int trainSize, int testSize) {
        return new RegistryDataCatalog(DatasetRegistry.standard(), trainSize, testSize);
    }

    private DatasetOptions options(long seed) {
        return DatasetOptions.defaults().withSeed(seed).withSizes(trainSize, testSize);
    }

    @Override
    public List<String> datasetNames() {
        return registry.names();
    }

    @Override
    public DatasetFacts facts(String name) {
        DatasetInfo info = registry.info(name, DatasetOptions.defaults());
        int[] shape = info.sampleShape();
        int[] frame = info.temporalSteps() > 0 ? Arrays.copyOfRange(shape, 1, shape.length) : shape;
        return new DatasetFacts(frame, info.classes());
    }

    @Override
    public boolean downloads(String name) {
        return registry.info(name, DatasetOptions.defaults()).kind() == DatasetInfo.Kind.DOWNLOAD;
    }

    @Override
    public Dataset load(String name, long seed) {
        return registry.load(name, options(seed));
    }

    @Override
    public Encoder encoderFor(Dataset dataset) {
        return Encoders.defaultFor(dataset);
    }
}
