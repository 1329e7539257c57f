package org.mpbnlab.session;

import java.util.List;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.settings.RunSettings;

/**
 * The datasets of the {@link DatasetRegistry} (built-in generators, and real sets found locally or
 * downloaded on demand), loaded for a run exactly as the {@code train} command loads them
 * ({@link RunFactory#loadData}).
 */
public final class RegistryDataCatalog implements DataCatalog {

    private final DatasetRegistry registry;
    private final DatasetOptions base;

    /**
     * @param base folders, mirror and download permission (the seed and sizes come from the run's settings)
     */
    public RegistryDataCatalog(DatasetRegistry registry, DatasetOptions base) {
        this.registry = registry;
        this.base = base;
    }

    /** The user's registry, folders from the environment. */
    public static RegistryDataCatalog standard() {
        return new RegistryDataCatalog(DatasetRegistry.standard(), DatasetOptions.defaults());
    }

    @Override
    public List<String> datasetNames() {
        return registry.names();
    }

    @Override
    public DatasetInfo info(String name) {
        return registry.info(name, base);
    }

    @Override
    public boolean downloads(String name) {
        // the user's own data (a path) is not in the registry, and is never downloaded
        return registry.names().contains(name) && registry.info(name, base).kind() == DatasetInfo.Kind.DOWNLOAD;
    }

    @Override
    public Dataset load(RunSettings settings) {
        return RunFactory.loadData(settings, registry, base);
    }
}
