package org.mpbnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final byte[] CONTENT = new byte[1_000_000];

    static {
        for (int i = 0; i < CONTENT.length; i++) {
            CONTENT[i] = (byte) (i * 31 + i / 977);
        }
    }

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger flakyRequests = new AtomicInteger();
    private final Downloader downloader = new Downloader();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data.bin", exchange -> {
            exchange.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(CONTENT);
            }
        });
        server.createContext("/flaky.bin", exchange -> {
            exchange.sendResponseHeaders(200, CONTENT.length);
            OutputStream body = exchange.getResponseBody();
            if (flakyRequests.getAndIncrement() == 0) {
                body.write(CONTENT, 0, CONTENT.length / 3);
                body.flush();
                exchange.close(); // the connection drops mid-body
                return;
            }
            body.write(CONTENT);
            body.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Downloader.sha256().digest(bytes));
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    @Test
    void noHttpClientThreadStartsBeforeTheFirstDownload() {
        Set<Thread> before = httpClientThreads();

        new Downloader();
        DatasetRegistry.standard();

        Set<Thread> started = httpClientThreads();
        started.removeAll(before);
        assertEquals(Set.of(), started, "a registry that downloads nothing starts no HTTP client thread");
    }

    private static Set<Thread> httpClientThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("HttpClient-")) {
                threads.add(thread);
            }
        }
        return threads;
    }

    @Test
    void reportsProgressUpToTheTotalAndKeepsTheVerifiedFile() throws IOException {
        List<DownloadProgress> events = new ArrayList<>();
        Path target = cache.resolve("data.bin");
        downloader.download(uri("/data.bin"), target, new RemoteFile("data.bin", CONTENT.length, sha256(CONTENT)),
                events::add);
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertTrue(events.size() >= 3, "events: " + events.size());
        assertEquals(0, events.get(0).bytesDone());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).bytesDone() >= events.get(i - 1).bytesDone());
            assertEquals(CONTENT.length, events.get(i).bytesTotal());
        }
        assertEquals(CONTENT.length, events.get(events.size() - 1).bytesDone());
        assertEquals(List.of(target), cacheFiles());
    }

    @Test
    void rejectsChecksumMismatchAndCachesNothing() throws IOException {
        Path target = cache.resolve("data.bin");
        String wrong = sha256(new byte[] {1});
        DatasetException e = assertThrows(DatasetException.class, () -> downloader.download(uri("/data.bin"),
                target, new RemoteFile("data.bin", CONTENT.length, wrong), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("rejected"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void leavesNoPartialFileWhenTheTransferIsCutAndRestartsCleanly() throws IOException {
        Path target = cache.resolve("flaky.bin");
        RemoteFile expected = new RemoteFile("flaky.bin", CONTENT.length, sha256(CONTENT));
        DatasetException e = assertThrows(DatasetException.class,
                () -> downloader.download(uri("/flaky.bin"), target, expected, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("run it again"), e.getMessage());
        assertEquals(List.of(), cacheFiles());

        downloader.download(uri("/flaky.bin"), target, expected, ProgressListener.NONE);
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertEquals(List.of(target), cacheFiles());
    }

    @Test
    void detectsACutTransferEvenWithoutPins() throws IOException {
        Path target = cache.resolve("flaky.bin");
        assertThrows(DatasetException.class, () -> downloader.download(uri("/flaky.bin"), target,
                new RemoteFile("flaky.bin", -1, null), ProgressListener.NONE));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void reportsHttpErrorsWithTheirStatus() throws IOException {
        Path target = cache.resolve("none.bin");
        DatasetException e = assertThrows(DatasetException.class, () -> downloader.download(uri("/none.bin"),
                target, new RemoteFile("none.bin", -1, null), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void aNetworkFailureIsToldInTheUsersWordsWithoutAJavaClassName() {
        for (IOException e : List.of(new java.net.ConnectException("Connection refused"),
                new java.net.UnknownHostException("mirror"), new java.net.http.HttpConnectTimeoutException("slow"),
                new IOException("Broken pipe"), new IOException())) {
            String said = Downloader.describe(e);
            assertFalse(said.isBlank());
            assertFalse(said.contains("Exception"), said);
        }
    }
}
