package org.mpbnlab.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mpbnlab.data.BuiltinGenerator;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetException;
import org.mpbnlab.data.Encoder;
import org.mpbnlab.data.GeneratorOptions;
import org.mpbnlab.data.GlyphGenerator;
import org.mpbnlab.data.PlanarGenerator;
import org.mpbnlab.data.PlanarShape;

/**
 * The datasets that need no files: the planar toy sets and glyphs, at sizes suited to watching a
 * network learn live (a few thousand samples), all with direct input coding.
 */
public final class BuiltinDataCatalog implements DataCatalog {

    private final Map<String, BuiltinGenerator> generators = new LinkedHashMap<>();
    private final int trainSize;
    private final int testSize;

    /**
     * @param trainSize training samples to generate (≥ 2)
     * @param testSize  test samples to generate (≥ 1)
     */
    public BuiltinDataCatalog(int trainSize, int testSize) {
        this.trainSize = trainSize;
        this.testSize = testSize;
        GlyphGenerator glyphs = new GlyphGenerator();
        generators.put(glyphs.name(), glyphs);
        for (PlanarShape shape : PlanarShape.values()) {
            PlanarGenerator planar = new PlanarGenerator(shape);
            generators.put(planar.name(), planar);
        }
    }

    /** Sizes for the desktop app: 6 000 training and 1 000 test samples. */
    public static BuiltinDataCatalog forApp() {
        return new BuiltinDataCatalog(6000, 1000);
    }

    @Override
    public List<String> datasetNames() {
        return new ArrayList<>(generators.keySet());
    }

    @Override
    public DatasetFacts facts(String name) {
        BuiltinGenerator generator = generator(name);
        return new DatasetFacts(generator.sampleShape(), generator.classNames().size());
    }

    private BuiltinGenerator generator(String name) {
        BuiltinGenerator generator = generators.get(name);
        if (generator == null) {
            throw new DatasetException("unknown dataset '" + name + "'; choose one of "
                    + String.join(", ", generators.keySet()));
        }
        return generator;
    }

    @Override
    public Dataset load(String name, long seed) {
        BuiltinGenerator generator = generator(name);
        GeneratorOptions defaults = generator.defaults(seed);
        return generator.generate(new GeneratorOptions(trainSize, testSize, defaults.noise(), seed));
    }

    @Override
    public Encoder encoderFor(Dataset dataset) {
        if (dataset.temporalSteps() != 0) {
            throw new DatasetException(dataset.name() + " holds event frames; this catalog only encodes static samples");
        }
        return new RepeatedFrameEncoder();
    }
}
