package org.mpbnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One JSON object of a file, read strictly, field by field. Every read names the field by its path in
 * the file ({@code network.layers[2].outputs}), so a problem is reported in the user's terms:
 * <ul>
 *   <li>a required field must be present and not {@code null};</li>
 *   <li>an integer must be a whole number ({@code 4} or {@code 4.0}); {@code 4.9} and {@code "4"} are
 *       refused, never truncated;</li>
 *   <li>a number must be finite, a flag {@code true} or {@code false}, a name one of its allowed names;</li>
 *   <li>{@link #rejectOtherFields()} refuses every field that was not read, naming it.</li>
 * </ul>
 * Problems are thrown as {@link JsonFieldException} with a message that holds no class names.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object {@code node}, found at {@code path} of the file; anything but an object is refused. */
    public static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new JsonFieldException((path.isEmpty() ? "the file" : path) + " must be a JSON object {…}, got "
                    + describe(node));
        }
        return new JsonFields(node, path);
    }

    /** Where this object is in the file, e.g. {@code network.layers[2]}. */
    public String path() {
        return path;
    }

    /** True when the field is present (even if {@code null}). */
    public boolean has(String name) {
        return node.has(name);
    }

    /** A required whole number in {@code [min, max]}. */
    public int integer(String name, int min, int max) {
        long value = wholeNumber(name, required(name));
        if (value < min || value > max) {
            throw new JsonFieldException(where(name) + " must be " + range(min, max) + ", got " + value);
        }
        return (int) value;
    }

    /** A required whole number that fits a long. */
    public long longInteger(String name) {
        return wholeNumber(name, required(name));
    }

    /** A required finite number. */
    public double number(String name) {
        JsonNode value = required(name);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new JsonFieldException(where(name) + " must be a number, got " + describe(value));
        }
        return value.doubleValue();
    }

    /** A required {@code true} or {@code false}. */
    public boolean flag(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw new JsonFieldException(where(name) + " must be true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    /** A required string. */
    public String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw new JsonFieldException(where(name) + " must be a text in quotes, got " + describe(value));
        }
        return value.textValue();
    }

    /** A string or {@code fallback} when the field is absent. */
    public String optionalText(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    /** A required string that is one of {@code allowed}. */
    public String choice(String name, List<String> allowed) {
        String value = text(name);
        if (!allowed.contains(value)) {
            throw new JsonFieldException(where(name) + " must be one of " + String.join(", ", allowed)
                    + ", got \"" + ModelArchive.printable(value) + "\"");
        }
        return value;
    }

    /** A required nested object. */
    public JsonFields object(String name) {
        return of(required(name), where(name));
    }

    /** A nested object or {@code null} when the field is absent or {@code null}. */
    public JsonFields optionalObject(String name) {
        JsonNode value = node.get(name);
        read.add(name);
        return value == null || value.isNull() ? null : of(value, where(name));
    }

    /** A required list of objects. */
    public List<JsonFields> objects(String name, int maxCount) {
        JsonNode value = list(name, maxCount);
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(of(value.get(i), where(name) + "[" + i + "]"));
        }
        return items;
    }

    /** A required list of whole numbers, each in {@code [min, max]}. */
    public int[] integers(String name, int maxCount, int min, int max) {
        JsonNode value = list(name, maxCount);
        int[] numbers = new int[value.size()];
        for (int i = 0; i < numbers.length; i++) {
            String item = name + "[" + i + "]";
            long number = wholeNumber(item, value.get(i));
            if (number < min || number > max) {
                throw new JsonFieldException(where(item) + " must be " + range(min, max) + ", got " + number);
            }
            numbers[i] = (int) number;
        }
        return numbers;
    }

    /** A required list of finite numbers. */
    public double[] numbers(String name, int maxCount) {
        JsonNode value = list(name, maxCount);
        double[] numbers = new double[value.size()];
        for (int i = 0; i < numbers.length; i++) {
            JsonNode item = value.get(i);
            if (!item.isNumber() || !Double.isFinite(item.doubleValue())) {
                throw new JsonFieldException(where(name + "[" + i + "]") + " must be a number, got " + describe(item));
            }
            numbers[i] = item.doubleValue();
        }
        return numbers;
    }

    /** A required list of strings. */
    public List<String> texts(String name, int maxCount) {
        JsonNode value = list(name, maxCount);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw new JsonFieldException(where(name + "[" + i + "]") + " must be a text in quotes, got "
                        + describe(item));
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** Marks a field as known without reading it (e.g. one another part of the program reads). */
    public void allow(String... names) {
        read.addAll(List.of(names));
    }

    /** Refuses the first field of this object that no read asked for, naming it and the known ones. */
    public void rejectOtherFields() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                List<String> known = new ArrayList<>(read);
                known.sort(null);
                throw new JsonFieldException((path.isEmpty() ? "the top level" : path) + " has an unknown field \"" + ModelArchive.printable(name)
                        + "\" (known fields: " + String.join(", ", known) + "); remove it or check its spelling");
            }
        }
    }

    /** The raw node of {@code this} object, for a caller that stores it unread. */
    public ObjectNode node() {
        return (ObjectNode) node;
    }

    private JsonNode required(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            throw new JsonFieldException((path.isEmpty() ? "the top level" : path) + " has no field \"" + name + "\", which is required");
        }
        if (value.isNull()) {
            throw new JsonFieldException(where(name) + " must have a value, got null");
        }
        return value;
    }

    private JsonNode list(String name, int maxCount) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw new JsonFieldException(where(name) + " must be a list […], got " + describe(value));
        }
        if (value.size() > maxCount) {
            throw new JsonFieldException(where(name) + " has " + value.size() + " entries, at most " + maxCount
                    + " are allowed");
        }
        return value;
    }

    private long wholeNumber(String name, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber()) {
            double number = value.doubleValue();
            if (number == Math.rint(number) && Math.abs(number) < 0x1p53) {
                return (long) number;
            }
        }
        throw new JsonFieldException(where(name) + " must be a whole number, got " + describe(value));
    }

    private String where(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String range(long min, long max) {
        if (max == Integer.MAX_VALUE) {
            return "a whole number ≥ " + min;
        }
        return "a whole number from " + min + " to " + max;
    }

    /** A value as the user wrote it, shortened: {@code 4.9}, {@code "4"}, {@code null}, {@code a list}. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "the text \"" + ModelArchive.printable(value.textValue()) + "\"";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return ModelArchive.printable(value.toString());
    }
}
