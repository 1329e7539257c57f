package org.mpbnlab.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV of 2-D points with a label column, one point per line, for example
 * <pre>
 *   x,y,label,split
 *   0.31,-1.20,0,train
 *   1.05,0.44,1,test
 * </pre>
 * The header names the columns {@code x}, {@code y}, {@code label} and, optionally, {@code split}
 * ({@code train} or {@code test}), in any order; without a header the columns are x, y, label[, split].
 * Labels are whole numbers 0, 1, … or class names (then the classes are the names in alphabetical order).
 * Without a split column a seeded random fifth of the points becomes the test split.
 */
final class CsvPointsReader {

    private static final int MAX_POINTS = 10_000_000;

    private CsvPointsReader() {
    }

    private record Point(float x, float y, String label, String split, long line) {
    }

    static Dataset read(Path file, String name, long seed) {
        List<Point> points = parse(file);
        if (points.isEmpty()) {
            throw new DatasetException(file + " holds no points; write one point per line: x,y,label");
        }
        boolean numeric = points.stream().allMatch(p -> p.label().matches("\\d{1,9}"));
        List<String> classNames = null;
        if (!numeric) {
            classNames = new ArrayList<>(new TreeSet<>(points.stream().map(Point::label).toList()));
        }
        boolean hasSplit = points.get(0).split() != null;
        List<Point> train = new ArrayList<>();
        List<Point> test = new ArrayList<>();
        for (Point p : points) {
            if (hasSplit) {
                switch (p.split()) {
                    case "train" -> train.add(p);
                    case "test" -> test.add(p);
                    default -> throw new DatasetException(file + ", line " + p.line() + ": split is '" + p.split()
                            + "'; use train or test");
                }
            }
        }
        DataOrigin origin = new DataOrigin("file", "csv", file.toAbsolutePath().normalize().toString(), 1);
        RawSplit trainSplit;
        RawSplit testSplit;
        if (hasSplit) {
            trainSplit = UserDatasets.shuffled(split(train, classNames), seed);
            testSplit = UserDatasets.shuffled(split(test, classNames), seed);
        } else {
            RawSplit all = UserDatasets.shuffled(split(points, classNames), seed);
            int testCount = Math.max(1, all.count() / 5);
            trainSplit = part(all, testCount, all.count());
            testSplit = part(all, 0, testCount);
        }
        return UserDatasets.build(name, classNames, trainSplit, testSplit, 0, origin);
    }

    private static List<Point> parse(Path file) {
        List<Point> points = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true)
                     .setCommentMarker('#').get().parse(reader)) {
            int x = 0;
            int y = 1;
            int label = 2;
            int split = -1;
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first) {
                    first = false;
                    if (!isNumber(record.get(0))) {
                        Map<String, Integer> columns = columns(file, record);
                        x = require(file, columns, "x");
                        y = require(file, columns, "y");
                        label = require(file, columns, "label");
                        split = columns.getOrDefault("split", -1);
                        continue;
                    }
                    split = record.size() > 3 ? 3 : -1;
                }
                long line = record.getRecordNumber();
                int needed = Math.max(Math.max(x, y), Math.max(label, split)) + 1;
                if (record.size() < needed) {
                    throw new DatasetException(file + ", line " + line + ": " + record.size() + " column(s), expected "
                            + needed + " (x, y, label" + (split >= 0 ? ", split" : "") + ")");
                }
                if (points.size() >= MAX_POINTS) {
                    throw new DatasetException(file + " holds more than " + MAX_POINTS + " points");
                }
                points.add(new Point(number(file, line, "x", record.get(x)), number(file, line, "y", record.get(y)),
                        record.get(label), split >= 0 ? record.get(split) : null, line));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetException(file + " is not UTF-8 text; save the CSV as UTF-8", e);
        } catch (IOException e) {
            throw new DatasetException(file + " cannot be read (" + e.getMessage() + ")", e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new DatasetException(file + " is not UTF-8 text; save the CSV as UTF-8", e);
            }
            throw new DatasetException(file + " cannot be read (" + e.getCause().getMessage() + ")", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw new DatasetException(file + " is not a valid CSV file (" + e.getMessage() + ")", e);
        }
        return points;
    }

    private static Map<String, Integer> columns(Path file, CSVRecord header) {
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).toLowerCase(java.util.Locale.ROOT);
            if (columns.put(column, i) != null) {
                throw new DatasetException(file + ": the header names the column '" + column + "' twice");
            }
        }
        return columns;
    }

    private static int require(Path file, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new DatasetException(file + ": the header has no column '" + column + "'; name the columns x, y, "
                    + "label (and optionally split)");
        }
        return index;
    }

    private static boolean isNumber(String text) {
        try {
            Float.parseFloat(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float number(Path file, long line, String column, String text) {
        try {
            float value = Float.parseFloat(text);
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DatasetException(file + ", line " + line + ": " + column + " is '" + shorten(text)
                + "', not a finite number");
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static RawSplit split(List<Point> points, List<String> classNames) {
        float[] raw = new float[2 * points.size()];
        int[] labels = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            raw[2 * i] = p.x();
            raw[2 * i + 1] = p.y();
            labels[i] = classNames == null ? Integer.parseInt(p.label()) : classNames.indexOf(p.label());
        }
        return new RawSplit(raw, labels, new int[] {2});
    }

    private static RawSplit part(RawSplit all, int from, int to) {
        return new RawSplit(java.util.Arrays.copyOfRange(all.raw(), 2 * from, 2 * to),
                java.util.Arrays.copyOfRange(all.labels(), from, to), all.sampleShape());
    }
}
