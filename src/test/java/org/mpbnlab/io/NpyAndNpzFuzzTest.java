package org.mpbnlab.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the .npy and .npz readers (docs/fuzzing.md): every mutant of a valid file is either read or
 * refused with a one-line message of its own kind, never another exception, a hang or an allocation the
 * file cannot back. Seeds are fixed; {@code -Pfuzz} raises the tries.
 */
class NpyAndNpzFuzzTest {

    private static List<byte[]> npyCorpus() {
        List<byte[]> corpus = new ArrayList<>();
        corpus.add(NpyFormat.toBytes(NpyArray.ofFloat(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6})));
        corpus.add(NpyFormat.toBytes(NpyArray.ofUint8(new int[] {3, 2, 2}, new byte[12])));
        corpus.add(NpyFormat.toBytes(NpyArray.ofLong(new int[] {4}, new long[] {0, 1, 2, 3})));
        corpus.add(NpyFormat.toBytes(NpyArray.ofBoolean(new int[] {}, new boolean[] {true})));
        corpus.add(NpyFormat.toBytes(NpyArray.ofDouble(new int[] {1, 0}, new double[0])));
        return corpus;
    }

    @Provide
    Arbitrary<byte[]> npyFiles() {
        return FuzzInputs.mutantsOf(npyCorpus());
    }

    @Property(seed = "1402")
    void npyFilesAreReadOrRefusedWithAMessage(@ForAll("npyFiles") byte[] bytes) {
        try {
            NpyFormat.read(bytes);
        } catch (NpyFormatException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }

    @Provide
    Arbitrary<byte[]> npzFiles() {
        List<byte[]> npy = npyCorpus();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("x_train.npy", npy.get(0));
        entries.put("y_train.npy", npy.get(2));
        byte[] valid = FuzzInputs.zip(entries);
        Arbitrary<byte[]> rawMutants = FuzzInputs.mutantsOf(List.of(valid));
        Arbitrary<byte[]> entryMutants = Arbitraries.randomValue(random -> {
            Map<String, byte[]> mutated = new LinkedHashMap<>(entries);
            String victim = random.nextBoolean() ? "x_train.npy" : "y_train.npy";
            mutated.put(random.nextInt(10) == 0 ? "dir/" + victim : victim,
                    FuzzInputs.mutate(mutated.remove(victim), random));
            return FuzzInputs.zip(mutated);
        });
        return Arbitraries.oneOf(rawMutants, entryMutants);
    }

    @Property(seed = "1403")
    void npzFilesAreReadOrRefusedWithAMessage(@ForAll("npzFiles") byte[] bytes) throws IOException {
        Path file = FuzzInputs.file("fuzz.npz", bytes);
        try {
            NpzArchive.read(file);
        } catch (NpyFormatException e) {
            FuzzInputs.assertUserMessage(e);
        }
    }
}
