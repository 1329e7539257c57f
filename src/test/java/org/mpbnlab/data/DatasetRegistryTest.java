package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRegistryTest {

    @TempDir
    Path home;

    private DatasetRegistry registry(Map<String, String> environment) {
        return new DatasetRegistry(new Downloader(), environment, home);
    }

    @Test
    void listsBuiltinAndDownloadableSets() {
        List<DatasetInfo> infos = registry(Map.of()).list();
        List<String> names = infos.stream().map(DatasetInfo::name).toList();
        assertEquals(List.of("spirals", "moons", "circles", "xor", "blobs", "glyphs", "moving-bars",
                "mnist", "fashion-mnist", "cifar10"), names);
        DatasetInfo glyphs = infos.get(5);
        assertEquals(DatasetInfo.Kind.BUILTIN, glyphs.kind());
        assertEquals(10, glyphs.classes());
        DatasetInfo cifar = infos.get(9);
        assertEquals(DatasetInfo.Kind.DOWNLOAD, cifar.kind());
        assertNull(cifar.localFolder());
        assertTrue(cifar.downloadBytes() > 100_000_000L);
    }

    @Test
    void unknownNameListsTheAllowedNames() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> registry(Map.of()).load("mnsit", DatasetOptions.defaults()));
        assertTrue(e.getMessage().contains("unknown dataset 'mnsit'"), e.getMessage());
        assertTrue(e.getMessage().contains("spirals") && e.getMessage().contains("cifar10"), e.getMessage());
    }

    @Test
    void loadsBuiltinSetsWithSizesNoiseAndLimit() {
        DatasetRegistry registry = registry(Map.of());
        Dataset spirals = registry.load("spirals", DatasetOptions.defaults().withSizes(90, 30).withNoise(0.0));
        assertEquals(90, spirals.train().count());
        assertEquals(30, spirals.test().count());
        Dataset quick = registry.load("moons", DatasetOptions.defaults().withLimit(25));
        assertEquals(25, quick.train().count());
        assertEquals(25, quick.test().count());
    }

    @Test
    void findsRealDatasetInTheDataDirectoryFromTheEnvironment() throws IOException {
        Path data = home.resolve("data");
        TestFiles.writeMnistFolder(data.resolve("mnist"), 30, 20);
        DatasetRegistry registry = registry(Map.of("MPBN_DATA_DIR", data.toString()));
        assertEquals(data.resolve("mnist").toString(), registry.info("mnist", DatasetOptions.defaults()).localFolder());
        Dataset mnist = registry.load("mnist", DatasetOptions.defaults().withAllowDownload(false).withLimit(12));
        assertEquals(12, mnist.train().count());
        assertEquals(12, mnist.test().count());
    }

    @Test
    void aDataFolderThatDoesNotExistIsAnErrorNotAFallBack() throws IOException {
        Path xdg = home.resolve("xdg");
        TestFiles.writeMnistFolder(xdg.resolve("mpbn-lab/datasets/mnist"), 10, 10);
        DatasetRegistry registry = registry(Map.of("XDG_CACHE_HOME", xdg.toString(),
                "MPBN_DATA_DIR", home.resolve("no-such-folder").toString()));
        DatasetException e = assertThrows(DatasetException.class,
                () -> registry.load("mnist", DatasetOptions.defaults().withAllowDownload(false)));
        assertTrue(e.getMessage().contains("no-such-folder (from --data-dir or MPBN_DATA_DIR) does not exist"),
                e.getMessage());
    }

    @Test
    void findsRealDatasetInTheXdgCache() throws IOException {
        Path xdg = home.resolve("xdg");
        TestFiles.writeMnistFolder(xdg.resolve("mpbn-lab/datasets/fashion-mnist"), 10, 10);
        DatasetRegistry registry = registry(Map.of("XDG_CACHE_HOME", xdg.toString()));
        Dataset fashion = registry.load("fashion-mnist", DatasetOptions.defaults().withAllowDownload(false));
        assertEquals("Ankle boot", fashion.classNames().get(9));
        assertEquals(10, fashion.train().count());
    }

    @Test
    void offlineWithoutFilesSaysWhereToPutWhichFiles() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror";
            DatasetRegistry registry = registry(Map.of(DatasetRegistry.MIRROR_VARIABLE, mirror));
            DatasetException e = assertThrows(DatasetException.class,
                    () -> registry.load("mnist", DatasetOptions.defaults()));
            String message = e.getMessage();
            assertTrue(message.contains("train-images-idx3-ubyte.gz") && message.contains("t10k-labels-idx1-ubyte.gz"),
                    message);
            assertTrue(message.contains(home.resolve(".cache/mpbn-lab/datasets/mnist").toString()), message);
            assertTrue(message.contains("HTTP 404"), message);
            assertTrue(message.indexOf('\n') < 0, "one line: " + message);
            try (Stream<Path> files = Files.walk(home)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mirrorReplacesThePublisherUrl() {
        DatasetRegistry registry = registry(Map.of());
        RemoteDataset mnist = IdxImageDataset.mnist();
        assertEquals(mnist.canonicalBase(), registry.base(mnist, DatasetOptions.defaults()));
        assertEquals(URI.create("http://school.lan/sets/mnist/"),
                registry.base(mnist, DatasetOptions.defaults().withMirror("http://school.lan/sets")));
        assertThrows(DatasetException.class, () -> registry.base(mnist, DatasetOptions.defaults().withMirror("ftp:/x")));
    }

    @Test
    void fetchingABuiltinSetIsRefused() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> registry(Map.of()).fetch("xor", DatasetOptions.defaults()));
        assertTrue(e.getMessage().contains("built in"), e.getMessage());
    }

    @Test
    void unpacksACifarArchiveLeftInTheCacheWithoutNetwork() throws IOException {
        Path cache = Files.createDirectories(home.resolve(".cache/mpbn-lab/datasets/cifar10"));
        String[] names = new String[6];
        byte[][] contents = new byte[6][];
        for (int i = 0; i < 5; i++) {
            names[i] = "cifar-10-batches-bin/data_batch_" + (i + 1) + ".bin";
            contents[i] = TestFiles.cifarBatch(2, i);
        }
        names[5] = "cifar-10-batches-bin/test_batch.bin";
        contents[5] = TestFiles.cifarBatch(3, 9);
        Files.write(cache.resolve("cifar-10-binary.tar.gz"), TestFiles.tarGz(names, contents));
        Dataset cifar = registry(Map.of()).load("cifar10", DatasetOptions.defaults().withAllowDownload(false));
        assertEquals(10, cifar.train().count());
        assertEquals(4, cifar.train().label(8));
        assertEquals(3, cifar.test().count());
        assertTrue(Files.isRegularFile(cache.resolve("test_batch.bin")));
        assertTrue(Files.notExists(cache.resolve("cifar-10-binary.tar.gz")));
    }
}
