package org.mpbnlab.train.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mpbnlab.data.UserDatasets;

/**
 * The values a setting allows, how they are read from text and written back. Every refusal is a message
 * that says what is allowed and what was given, e.g. {@code "must be a whole number from 1 to 16, got 0"};
 * the caller puts the setting's name in front ({@code --timesteps} on the command line, {@code T} in the app).
 *
 * @param <T> the value's type
 */
public sealed interface SettingDomain<T> {

    /**
     * The value written as {@code text} (surrounding blanks ignored), or IllegalArgumentException saying what is
     * allowed: the text is read as the domain's type ({@link #read}), then {@link #check}ed.
     */
    default T parse(String text) {
        T value = read(text.trim());
        check(value);
        return value;
    }

    /** {@code text} (trimmed) read as the domain's type, not yet checked; IllegalArgumentException if it is none. */
    T read(String text);

    /** The value as text that {@link #parse} reads back to the same value; its own text unless said otherwise. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** What is allowed, for help texts and tooltips, e.g. {@code "1 to 16"}. */
    String allowed();

    /** Refuses a value of the right type that lies outside the domain. */
    void check(T value);

    /** A whole number in {@code [min, max]}. */
    record Whole(int min, int max) implements SettingDomain<Integer> {
        @Override
        public Integer read(String text) {
            return number(text, Integer::valueOf, "a whole number from " + min + " to " + max);
        }

        @Override
        public void check(Integer value) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be a whole number from " + min + " to " + max + ", got "
                        + value);
            }
        }

        @Override
        public String allowed() {
            return min + " to " + max;
        }
    }

    /** A seed: a whole number ≥ 0 that fits a long. */
    record Seed() implements SettingDomain<Long> {
        @Override
        public Long read(String text) {
            return number(text, Long::valueOf, "a whole number ≥ 0");
        }

        @Override
        public void check(Long value) {
            if (value < 0) {
                throw new IllegalArgumentException("must be a whole number ≥ 0, got " + value);
            }
        }

        @Override
        public String allowed() {
            return "a whole number ≥ 0";
        }
    }

    /** A finite decimal number in {@code [min, max]}, or {@code (min, max]} when {@code minExclusive}. */
    record Decimal(double min, boolean minExclusive, double max) implements SettingDomain<Double> {
        @Override
        public Double read(String text) {
            return number(text, Double::valueOf, "a number " + allowedWords());
        }

        @Override
        public void check(Double value) {
            boolean aboveMin = minExclusive ? value > min : value >= min;
            if (!Double.isFinite(value) || !aboveMin || value > max) {
                throw new IllegalArgumentException("must be a number " + allowedWords() + ", got " + format(value));
            }
        }

        private String allowedWords() {
            return minExclusive ? "above " + format(min) + " and at most " + format(max)
                    : "from " + format(min) + " to " + format(max);
        }

        @Override
        public String format(Double value) {
            return decimal(value);
        }

        @Override
        public String allowed() {
            return (minExclusive ? "above " : "") + format(min) + " to " + format(max);
        }
    }

    /** One of a list of names (the list may come from elsewhere, e.g. the data sets of the registry). */
    record Choice(Supplier<List<String>> names) implements SettingDomain<String> {
        @Override
        public String read(String text) {
            return text;
        }

        @Override
        public void check(String value) {
            if (!names.get().contains(value)) {
                throw new IllegalArgumentException("must be one of " + allowed() + ", got '" + value + "'");
            }
        }

        @Override
        public String allowed() {
            return String.join(", ", names.get());
        }

        /** The allowed names, in display order. */
        public List<String> choices() {
            return names.get();
        }
    }

    /**
     * A data set: one of the registry's names, or the path of the user's own data (an existing file or
     * folder; what it holds is checked when it is read).
     */
    record DataSet(Supplier<List<String>> names) implements SettingDomain<String> {
        @Override
        public String read(String text) {
            return text;
        }

        @Override
        public void check(String value) {
            if (names.get().contains(value)) {
                return;
            }
            boolean path = UserDatasets.looksLikePath(value) || exists(value);
            if (path && !exists(value)) {
                throw new IllegalArgumentException("names no file or folder '" + value + "'; check the path");
            }
            if (!path) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", names.get())
                        + ", or the path of your own data (an IDX folder, a .npz, a folder of PNG class folders, "
                        + "a .csv), got '" + value + "'");
            }
        }

        private static boolean exists(String value) {
            try {
                return !value.isEmpty() && Files.exists(Path.of(value));
            } catch (InvalidPathException e) {
                return false;
            }
        }

        @Override
        public String allowed() {
            return String.join(", ", names.get()) + ", or the path of your own data";
        }
    }

    /** On or off. */
    record Flag() implements SettingDomain<Boolean> {
        @Override
        public Boolean read(String text) {
            String value = text.toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.valueOf(value);
            }
            throw new IllegalArgumentException("must be true or false, got '" + text + "'");
        }

        @Override
        public void check(Boolean value) {
            // both values are allowed
        }

        @Override
        public String allowed() {
            return "true or false";
        }
    }

    /**
     * {@code text} read by {@code reader} (e.g. {@code Integer::valueOf}); text that is no such number is refused
     * with {@code "must be <what>, got '<text>'"}.
     */
    private static <N extends Number> N number(String text, Function<String, N> reader, String what) {
        try {
            return reader.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be " + what + ", got '" + text + "'");
        }
    }

    /** Shortest faithful decimal text: {@code 0.25}, {@code 1e-3}, {@code 5e-4}, {@code 100}. */
    static String decimal(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        String plain = Double.toString(value);
        if (!plain.contains("E")) {
            return plain;
        }
        String[] parts = plain.split("E");
        String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
        return mantissa + "e" + parts[1];
    }
}
