package org.mpbnlab.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Inputs for the fuzz tests ({@code *FuzzTest}, see {@code docs/fuzzing.md}): valid files mutated the way
 * damage and hostile edits change them, drawn from jqwik's seeded random source so that a run is
 * repeatable. Byte mutations flip, overwrite, insert, delete and truncate, and plant the integers that
 * break size arithmetic (0, −1, 2³¹ − 1, 2³¹, …) at random places; text mutations replace the numbers,
 * strings and names of a JSON or CSV file by odd values of other kinds.
 */
public final class FuzzInputs {

    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 255, 256, 65535, 65536, 0x7fffffff, 0x80000000,
            0x10000000, 28, 784, 60000};
    private static final List<String> ODD_TOKENS = List.of("4.9", "\"4\"", "null", "-1", "0", "1e309", "-0.0",
            "2147483648", "2147483647", "[]", "{}", "true", "\"\"", "\"conv2d\"", "\"lif-folded\"", "NaN", "1e-320",
            "[1, 2]", "[0]", "\"off\"", "\"per-step\"", "65", "3.0", "\"x\"", ",", "\"\\u0000\"", "9e18");
    private static final Pattern TOKEN = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|\"[^\"\\\\]*\"|true|false|null");
    private static final Path SCRATCH = scratch();
    /** The token positions of each corpus text, found once. */
    private static final Map<String, List<int[]>> TOKEN_SPANS = new java.util.concurrent.ConcurrentHashMap<>();

    private FuzzInputs() {
    }

    private static Path scratch() {
        try {
            Path shm = Path.of("/dev/shm");
            Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
            Path dir = Files.createTempDirectory(base, "mpbnlab-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mutants of the given valid inputs. */
    public static Arbitrary<byte[]> mutantsOf(List<byte[]> corpus) {
        return Arbitraries.randomValue(random -> mutate(corpus.get(random.nextInt(corpus.size())), random));
    }

    /** One to four byte mutations of {@code seed}. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int count = 1 + random.nextInt(4);
        for (int m = 0; m < count; m++) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (bytes.length > 0) {
                        bytes[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    if (bytes.length > 0) {
                        bytes[at] = (byte) random.nextInt(256);
                    }
                }
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 3 -> {
                    byte[] insert = new byte[1 + random.nextInt(16)];
                    random.nextBytes(insert);
                    bytes = splice(bytes, at, 0, insert);
                }
                case 4 -> bytes = splice(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(16)), new byte[0]);
                case 5 -> {
                    if (bytes.length >= 4) {
                        int value = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                        ByteBuffer.wrap(bytes, Math.min(at, bytes.length - 4), 4).putInt(value);
                    }
                }
                default -> {
                    if (bytes.length > 0) {
                        int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
                        bytes = splice(bytes, at, 0, java.util.Arrays.copyOfRange(bytes, at, at + length));
                    }
                }
            }
        }
        return bytes;
    }

    /** One to three replacements of a number, string or literal of {@code text} by an odd token. */
    public static String mutateText(String text, Random random) {
        List<int[]> spans = TOKEN_SPANS.computeIfAbsent(text, FuzzInputs::tokenSpans);
        if (spans.isEmpty()) {
            return text;
        }
        java.util.TreeMap<Integer, int[]> chosen = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        int count = 1 + random.nextInt(3);
        for (int m = 0; m < count; m++) {
            int[] span = spans.get(random.nextInt(spans.size()));
            chosen.put(span[0], span);
        }
        StringBuilder result = new StringBuilder(text);
        for (int[] span : chosen.values()) {
            String token = random.nextInt(8) == 0 ? "" : ODD_TOKENS.get(random.nextInt(ODD_TOKENS.size()));
            result.replace(span[0], span[1], token);
        }
        return result.toString();
    }

    private static List<int[]> tokenSpans(String text) {
        Matcher matcher = TOKEN.matcher(text);
        List<int[]> spans = new java.util.ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    /** A well-formed zip of the given entries (so that the reader gets past the container to the contents). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} written to a scratch file named {@code name} (one per thread, overwritten each time). */
    public static Path file(String name, byte[] bytes) {
        try {
            Path dir = SCRATCH.resolve(Long.toString(Thread.currentThread().getId()));
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder in the scratch space, emptied, for readers of folders. */
    public static Path folder(String name) {
        try {
            Path dir = SCRATCH.resolve(Thread.currentThread().getId() + "-" + name);
            if (Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refusal fit for the user: one non-blank line, no class or package names of ours, Java's or a library's. */
    public static void assertUserMessage(Throwable refusal) {
        String message = refusal.getMessage();
        assertTrue(message != null && !message.isBlank(), "a refusal without a message: " + refusal);
        assertFalse(message.contains("\n"), "more than one line: " + message);
        for (String internal : new String[] {"org.mpbnlab", "com.fasterxml", "java.", "Exception", "org.apache"}) {
            assertFalse(message.contains(internal), "'" + internal + "' in: " + message);
        }
    }
}
