package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzArchive;

/** The user's own datasets: each format read, and each kind of bad data refused with a message. */
class UserDatasetsTest {

    @TempDir
    Path dir;

    private final DatasetOptions options = DatasetOptions.defaults();

    private static byte[] bytes(int count, int size) {
        byte[] data = new byte[count * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37);
        }
        return data;
    }

    private Path idxFolder(String name, int[] trainDims, byte[] trainLabels, int[] testDims, byte[] testLabels)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        int trainSize = trainDims[1] * trainDims[2] * (trainDims.length > 3 ? trainDims[3] : 1);
        int testSize = testDims[1] * testDims[2] * (testDims.length > 3 ? testDims[3] : 1);
        Files.write(folder.resolve("train-images-idx3-ubyte"), TestFiles.idx(trainDims.length, trainDims,
                bytes(trainDims[0], trainSize)));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), TestFiles.idx(1, new int[] {trainLabels.length}, trainLabels));
        Files.write(folder.resolve("test-images-idx3-ubyte.gz"), TestFiles.gzip(TestFiles.idx(testDims.length, testDims,
                bytes(testDims[0], testSize))));
        Files.write(folder.resolve("test-labels-idx1-ubyte"), TestFiles.idx(1, new int[] {testLabels.length}, testLabels));
        return folder;
    }

    private String refusal(Path path) {
        return assertThrows(DatasetException.class, () -> UserDatasets.load(path, options)).getMessage();
    }

    @Test
    void anIdxFolderOfAnySizeAndClassCountLoads() throws IOException {
        Path folder = idxFolder("idx", new int[] {6, 10, 12}, new byte[] {0, 1, 2, 3, 4, 0}, new int[] {2, 10, 12},
                new byte[] {4, 1});
        Dataset data = UserDatasets.load(folder, options);
        assertArrayEquals(new int[] {1, 10, 12}, data.frameShape());
        assertEquals(5, data.numClasses());
        assertEquals(new DataOrigin("file", "idx", folder.toAbsolutePath().toString(), 255), data.origin());
        assertEquals(folder.toAbsolutePath().toString(), data.name());
        Normalisation n = data.normalisation();
        float raw = (bytes(6, 120)[7] & 0xff) / 255f;
        assertEquals((raw - n.mean()) / n.std(), data.train().features()[7], 0f);
    }

    @Test
    void badIdxSetsAreRefusedWithWhatToDo() throws IOException {
        assertTrue(refusal(idxFolder("gap", new int[] {3, 4, 4}, new byte[] {0, 2, 2}, new int[] {1, 4, 4},
                new byte[] {0})).contains("class 1 has no training samples"));
        assertTrue(refusal(idxFolder("range", new int[] {3, 4, 4}, new byte[] {0, 1, 1}, new int[] {1, 4, 4},
                new byte[] {7})).contains("test sample 0 has label 7, out of range: the classes are 0 to 1"));
        assertTrue(refusal(idxFolder("sizes", new int[] {3, 4, 4}, new byte[] {0, 1, 1}, new int[] {1, 5, 5},
                new byte[] {0})).contains("training samples have shape [1, 4, 4] but test samples [1, 5, 5]"));
        assertTrue(refusal(Files.createDirectories(dir.resolve("empty"))).contains("holds no images file for training"));
        assertTrue(refusal(dir.resolve("nowhere")).contains("there is no file or folder"));
    }

    private Path npz(String name, Map<String, NpyArray> arrays) throws IOException {
        Path file = dir.resolve(name);
        NpzArchive.write(file, arrays);
        return file;
    }

    private static Map<String, NpyArray> split(NpyArray xTrain, long[] yTrain, NpyArray xTest, long[] yTest) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x_train", xTrain);
        arrays.put("y_train", NpyArray.ofLong(new int[] {yTrain.length}, yTrain));
        arrays.put("x_test", xTest);
        arrays.put("y_test", NpyArray.ofLong(new int[] {yTest.length}, yTest));
        return arrays;
    }

    @Test
    void npzImagesPointsAndSequencesLoad() throws IOException {
        Dataset gray = UserDatasets.load(npz("gray.npz", split(NpyArray.ofUint8(new int[] {4, 3, 5}, bytes(4, 15)),
                new long[] {0, 1, 0, 1}, NpyArray.ofUint8(new int[] {2, 3, 5}, bytes(2, 15)), new long[] {1, 0})), options);
        assertArrayEquals(new int[] {1, 3, 5}, gray.frameShape());
        assertEquals(255, gray.origin().rawDivisor());

        Dataset colour = UserDatasets.load(npz("colour.npz", split(NpyArray.ofFloat(new int[] {2, 3, 4, 4}, new float[96]),
                new long[] {0, 1}, NpyArray.ofFloat(new int[] {1, 3, 4, 4}, new float[48]), new long[] {1})), options);
        assertArrayEquals(new int[] {3, 4, 4}, colour.frameShape());
        assertEquals(1, colour.origin().rawDivisor());

        Dataset points = UserDatasets.load(npz("points.npz", split(NpyArray.ofFloat(new int[] {3, 2},
                new float[] {0, 1, 2, 3, 4, 5}), new long[] {0, 1, 2}, NpyArray.ofFloat(new int[] {1, 2}, new float[] {1, 1}),
                new long[] {2})), options);
        assertArrayEquals(new int[] {2}, points.frameShape());
        assertEquals(3, points.numClasses());

        Map<String, NpyArray> events = split(NpyArray.ofFloat(new int[] {2, 5, 3}, new float[30]), new long[] {0, 1},
                NpyArray.ofFloat(new int[] {1, 5, 3}, new float[15]), new long[] {0});
        events.put("sequence", NpyArray.ofBoolean(new int[] {}, new boolean[] {true}));
        Dataset sequences = UserDatasets.load(npz("events.npz", events), options);
        assertEquals(5, sequences.temporalSteps());
        assertArrayEquals(new int[] {3}, sequences.frameShape());
    }

    @Test
    void badNpzSetsAreRefusedWithWhatToDo() throws IOException {
        Map<String, NpyArray> noTest = split(NpyArray.ofFloat(new int[] {2, 2}, new float[4]), new long[] {0, 1},
                NpyArray.ofFloat(new int[] {1, 2}, new float[2]), new long[] {0});
        noTest.remove("y_test");
        assertTrue(refusal(npz("a.npz", noTest)).contains("has no array 'y_test'"));
        Map<String, NpyArray> floatLabels = split(NpyArray.ofFloat(new int[] {2, 2}, new float[4]), new long[] {0, 1},
                NpyArray.ofFloat(new int[] {1, 2}, new float[2]), new long[] {0});
        floatLabels.put("y_train", NpyArray.ofFloat(new int[] {2}, new float[] {0, 1}));
        assertTrue(refusal(npz("b.npz", floatLabels)).contains("y_train is float32; labels must be whole numbers"));
        assertTrue(refusal(npz("c.npz", split(NpyArray.ofFloat(new int[] {2, 2}, new float[4]), new long[] {0, 1},
                NpyArray.ofFloat(new int[] {0, 2}, new float[0]), new long[] {}))).contains("the test split is empty"));
        assertTrue(refusal(npz("d.npz", split(NpyArray.ofFloat(new int[] {2, 2}, new float[4]), new long[] {0, 1, 1},
                NpyArray.ofFloat(new int[] {1, 2}, new float[2]), new long[] {0}))).contains("give one label per sample"));
        Files.writeString(dir.resolve("e.npz"), "not a zip");
        assertTrue(refusal(dir.resolve("e.npz")).contains("not a NumPy .npz file"));
    }

    private void png(Path file, int width, int height, int type, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x == 0 ? rgb : 0);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void aFolderOfPngClassFoldersLoadsWithItsStoredValues() throws IOException {
        Path root = dir.resolve("png");
        for (String split : List.of("train", "test")) {
            png(root.resolve(split + "/cat/a.png"), 6, 4, BufferedImage.TYPE_BYTE_GRAY, 0x808080);
            png(root.resolve(split + "/dog/b.png"), 6, 4, BufferedImage.TYPE_BYTE_GRAY, 0xffffff);
        }
        Dataset gray = UserDatasets.load(root, options);
        assertEquals(List.of("cat", "dog"), gray.classNames());
        assertArrayEquals(new int[] {1, 4, 6}, gray.frameShape());
        int cat = gray.train().label(0) == 0 ? 0 : 1;
        Normalisation n = gray.normalisation();
        int storedGray = new java.awt.Color(ImageIO.read(root.resolve("train/cat/a.png").toFile()).getRaster()
                .getSample(0, 0, 0), 0, 0).getRed();
        assertEquals((storedGray / 255f - n.mean()) / n.std(), gray.train().features()[cat * 24], 0f);

        png(root.resolve("train/bird/c.png"), 6, 4, BufferedImage.TYPE_INT_RGB, 0xff0000);
        Dataset colour = UserDatasets.load(root, options);
        assertArrayEquals(new int[] {3, 4, 6}, colour.frameShape());
        assertEquals(3, colour.numClasses());
    }

    @Test
    void badPngFoldersAreRefusedWithWhatToDo() throws IOException {
        Path root = dir.resolve("bad");
        png(root.resolve("train/a/1.png"), 4, 4, BufferedImage.TYPE_BYTE_GRAY, 0);
        png(root.resolve("train/b/1.png"), 5, 4, BufferedImage.TYPE_BYTE_GRAY, 0);
        png(root.resolve("test/a/1.png"), 4, 4, BufferedImage.TYPE_BYTE_GRAY, 0);
        assertTrue(refusal(root).contains("is 5×4 but"));
        png(root.resolve("train/b/1.png"), 4, 4, BufferedImage.TYPE_BYTE_GRAY, 0);
        png(root.resolve("test/c/1.png"), 4, 4, BufferedImage.TYPE_BYTE_GRAY, 0);
        assertTrue(refusal(root).contains("has a class folder 'c' that train/ lacks"));
        Files.delete(root.resolve("test/c/1.png"));
        Files.delete(root.resolve("test/c"));
        Files.writeString(root.resolve("train/a/notes.txt"), "x");
        assertTrue(refusal(root).contains("notes.txt is not a PNG image"));
        Files.delete(root.resolve("train/a/notes.txt"));
        Files.createDirectories(root.resolve("train/empty"));
        assertTrue(refusal(root).contains("class 'empty' has no training samples"));
    }

    @Test
    void aCsvOfPointsLoadsWithOrWithoutHeaderAndSplit() throws IOException {
        Path named = dir.resolve("named.csv");
        Files.writeString(named, "label,x,y,split\nred,0,0,train\nblue,1,1,train\nred,0.5,0,test\nblue,2,2,test\n");
        Dataset data = UserDatasets.load(named, options);
        assertEquals(List.of("blue", "red"), data.classNames());
        assertEquals(2, data.train().count());
        assertEquals(2, data.test().count());
        assertEquals("csv", data.origin().format());

        Path plain = dir.resolve("plain.csv");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append(i * 0.1).append(',').append(-i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(plain, text);
        Dataset split = UserDatasets.load(plain, options);
        assertEquals(40, split.train().count());
        assertEquals(10, split.test().count());
    }

    @Test
    void badCsvFilesAreRefusedWithTheLine() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x,y,label\n1,2,0\n1,oops,1\n");
        assertTrue(refusal(dir.resolve("a.csv")).contains("line 3: y is 'oops', not a finite number"));
        Files.writeString(dir.resolve("b.csv"), "x,y,class\n1,2,0\n");
        assertTrue(refusal(dir.resolve("b.csv")).contains("the header has no column 'label'"));
        Files.writeString(dir.resolve("c.csv"), "x,y,label\n");
        assertTrue(refusal(dir.resolve("c.csv")).contains("holds no points"));
        Files.writeString(dir.resolve("d.csv"), "x,y,label,split\n1,2,0,train\n1,2,1,validation\n");
        assertTrue(refusal(dir.resolve("d.csv")).contains("split is 'validation'; use train or test"));
    }
}
