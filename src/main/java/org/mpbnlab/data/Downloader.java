package org.mpbnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Downloads one file into a cache folder so that a partial or wrong file is never taken for a good
 * one: the bytes go to {@code name.part} in the target folder while their SHA-256 is computed; only
 * when the size and checksum match the pins is the part file moved atomically to its final name.
 * On any failure the part file is deleted, so running again restarts cleanly.
 */
public final class Downloader {

    private static final int REPORT_EVERY_BYTES = 256 * 1024;

    /**
     * Gives the HTTP client, made at the first download: a client starts its own thread at once, which a
     * session that never downloads (most of them: the app's start included) should not pay for.
     */
    private final Supplier<HttpClient> client;

    public Downloader(HttpClient client) {
        this.client = () -> client;
    }

    /** A downloader with a 20 s connect timeout that follows redirects (never from https to http). */
    public Downloader() {
        this.client = new LazyClient();
    }

    /** The default client, made once, when first asked for. */
    private static final class LazyClient implements Supplier<HttpClient> {
        private HttpClient made;

        @Override
        public synchronized HttpClient get() {
            if (made == null) {
                made = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
            }
            return made;
        }
    }

    /**
     * Downloads {@code uri} to {@code target}.
     *
     * @param expected size and SHA-256 to check; unpinned values (−1, {@code null}) are not checked
     * @return {@code target}
     * @throws DatasetException when the transfer fails or the bytes do not match; nothing is left behind
     */
    public Path download(URI uri, Path target, RemoteFile expected, ProgressListener listener) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.deleteIfExists(part);
            HttpResponse<InputStream> response = client.get().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DatasetException("download of " + uri + " failed: HTTP " + response.statusCode()
                            + "; check the address or the mirror setting");
                }
                long total = expected.size() >= 0 ? expected.size()
                        : response.headers().firstValueAsLong("Content-Length").orElse(-1);
                String sha256 = copy(body, part, expected.fileName(), total, listener);
                check(uri, part, expected, sha256);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
            deleteQuietly(part);
            throw new DatasetException("cannot reach " + uri.getHost() + " (" + describe(e)
                    + "); check the network connection or the mirror setting", e);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new DatasetException("download of " + uri + " was interrupted (" + describe(e)
                    + "); nothing was kept, run it again to restart", e);
        } catch (InterruptedException e) {
            deleteQuietly(part);
            Thread.currentThread().interrupt();
            throw new DatasetException("download of " + uri + " was cancelled; nothing was kept", e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** Streams the body into {@code part}, reporting progress; returns the hex SHA-256 of the bytes. */
    private static String copy(InputStream body, Path part, String fileName, long total,
                               ProgressListener listener) throws IOException, InterruptedException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        long lastReport = 0;
        listener.onProgress(new DownloadProgress(fileName, 0, total));
        try (OutputStream out = Files.newOutputStream(part)) {
            int n;
            while ((n = body.read(buffer)) != -1) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                done += n;
                if (total >= 0 && done > total) {
                    throw new DatasetException("download of " + fileName + " is larger than the expected "
                            + total + " bytes; the server sent a different file, nothing was kept");
                }
                if (done - lastReport >= REPORT_EVERY_BYTES) {
                    listener.onProgress(new DownloadProgress(fileName, done, total));
                    lastReport = done;
                }
            }
        }
        listener.onProgress(new DownloadProgress(fileName, done, total));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void check(URI uri, Path part, RemoteFile expected, String sha256) throws IOException {
        long size = Files.size(part);
        if (expected.size() >= 0 && size != expected.size()) {
            throw new DatasetException("download of " + uri + " ended after " + size + " of " + expected.size()
                    + " bytes; nothing was kept, run it again to restart");
        }
        if (expected.sha256() != null && !expected.sha256().equalsIgnoreCase(sha256)) {
            throw new DatasetException("download of " + uri + " has SHA-256 " + sha256 + " but "
                    + expected.sha256() + " was expected; the file was rejected (wrong mirror or damaged transfer)");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** What went wrong, in the user's words: never the name of a Java exception class. */
    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "the connection was refused: no network, or the server is down";
        }
        if (e instanceof UnknownHostException) {
            return "its address could not be looked up: no network";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() != null ? e.getMessage() : "a read or write error";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the part file is overwritten by the next attempt anyway
        }
    }
}
