package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    private static List<BuiltinGenerator> generators() {
        List<BuiltinGenerator> all = new ArrayList<>();
        for (PlanarShape shape : PlanarShape.values()) {
            all.add(new PlanarGenerator(shape));
        }
        all.add(new GlyphGenerator());
        all.add(new MovingBarsGenerator());
        return all;
    }

    private static Dataset small(BuiltinGenerator generator, long seed) {
        GeneratorOptions defaults = generator.defaults(seed);
        return generator.generate(new GeneratorOptions(203, 61, defaults.noise(), seed));
    }

    @Test
    void sameSeedGivesIdenticalArrays() {
        for (BuiltinGenerator generator : generators()) {
            Dataset a = small(generator, 7);
            Dataset b = small(generator, 7);
            assertArrayEquals(a.train().features(), b.train().features(), generator.name());
            assertArrayEquals(a.train().labels(), b.train().labels(), generator.name());
            assertArrayEquals(a.test().features(), b.test().features(), generator.name());
        }
    }

    @Test
    void differentSeedsGiveDifferentArrays() {
        for (BuiltinGenerator generator : generators()) {
            Dataset a = small(generator, 7);
            Dataset b = small(generator, 8);
            assertFalse(Arrays.equals(a.train().features(), b.train().features()), generator.name());
        }
    }

    @Test
    void trainAndTestSplitsDiffer() {
        for (BuiltinGenerator generator : generators()) {
            Dataset dataset = small(generator, 3);
            float[] firstTrain = dataset.train().sample(0);
            boolean copied = false;
            for (int i = 0; i < dataset.test().count(); i++) {
                copied |= Arrays.equals(firstTrain, dataset.test().sample(i));
            }
            assertFalse(copied, generator.name());
        }
    }

    @Test
    void classesAreBalancedWithinOne() {
        for (BuiltinGenerator generator : generators()) {
            Dataset dataset = small(generator, 11);
            for (DataSplit split : List.of(dataset.train(), dataset.test())) {
                int[] counts = split.classCounts(dataset.numClasses());
                int min = Arrays.stream(counts).min().orElseThrow();
                int max = Arrays.stream(counts).max().orElseThrow();
                assertTrue(max - min <= 1, generator.name() + " " + Arrays.toString(counts));
            }
        }
    }

    @Test
    void shapesMatchWhatTheGeneratorAnnounces() {
        for (BuiltinGenerator generator : generators()) {
            Dataset dataset = small(generator, 1);
            assertArrayEquals(generator.sampleShape(), dataset.train().sampleShape(), generator.name());
            assertEquals(generator.temporalSteps(), dataset.temporalSteps(), generator.name());
            assertEquals(generator.classNames().size(), dataset.numClasses(), generator.name());
        }
    }

    @Test
    void planarPointsStayInARoughlyUnitRange() {
        for (PlanarShape shape : PlanarShape.values()) {
            Dataset dataset = small(new PlanarGenerator(shape), 5);
            for (float v : dataset.train().features()) {
                assertTrue(Math.abs(v) < 2.5f, shape + " " + v);
            }
        }
    }

    @Test
    void glyphsAreStandardisedAndKeepTheirRawRange() {
        Dataset glyphs = small(new GlyphGenerator(), 2);
        Normalisation n = glyphs.train().normalisation();
        double sum = 0;
        double squares = 0;
        for (float v : glyphs.train().features()) {
            sum += v;
            squares += v * v;
            float raw = n.raw(v);
            assertTrue(raw > -1e-4 && raw < 1 + 1e-4, "raw " + raw);
        }
        int count = glyphs.train().features().length;
        assertEquals(0, sum / count, 1e-3);
        assertEquals(1, squares / count, 1e-2);
        assertTrue(n.mean() > 0 && n.mean() < 0.5f, "mean " + n.mean());
    }

    @Test
    void glyphClassesLookDifferentOnAverage() {
        Dataset glyphs = new GlyphGenerator().generate(new GeneratorOptions(1000, 10, 0.0, 4));
        DataSplit train = glyphs.train();
        float[][] means = new float[10][784];
        int[] counts = train.classCounts(10);
        for (int i = 0; i < train.count(); i++) {
            float[] sample = train.sample(i);
            for (int p = 0; p < 784; p++) {
                means[train.label(i)][p] += sample[p] / counts[train.label(i)];
            }
        }
        for (int a = 0; a < 10; a++) {
            for (int b = a + 1; b < 10; b++) {
                double distance = 0;
                for (int p = 0; p < 784; p++) {
                    distance += (means[a][p] - means[b][p]) * (means[a][p] - means[b][p]);
                }
                assertTrue(Math.sqrt(distance) > 1.0, "classes " + a + " and " + b + " have nearly equal means");
            }
        }
    }

    @Test
    void rejectsNonsenseOptionsWithAClearMessage() {
        DatasetException e = org.junit.jupiter.api.Assertions.assertThrows(DatasetException.class,
                () -> new GeneratorOptions(0, 10, 0.1, 1));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
    }
}
