package org.mpbnlab.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} file: a Python dict literal such as
 * <pre>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</pre>
 *
 * <p>It is parsed by a small strict parser that understands exactly the literals NumPy
 * writes there — quoted strings, {@code True}/{@code False}, integers and tuples of
 * integers — and nothing is ever evaluated.
 *
 * @param dtype        element type
 * @param bigEndian    true if the stored bytes are big-endian ({@code '>'})
 * @param fortranOrder true if the elements are stored first index fastest
 * @param shape        dimensions, each {@code >= 0}
 */
record NpyHeader(NpyDtype dtype, boolean bigEndian, boolean fortranOrder, long[] shape) {
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final String STRUCTURED_DTYPE =
            "structured (record) dtypes are not supported; save each field as its own plain array";

    /** Parses the dict text (the bytes between the header length and the data). */
    static NpyHeader parse(String text) throws NpyFormatException {
        Map<String, Object> dict = new Parser(text).dictionary();
        if (!dict.keySet().equals(KEYS)) {
            throw new NpyFormatException("the .npy header must have exactly the keys descr,"
                    + " fortran_order and shape, but has " + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new NpyFormatException("descr in the .npy header must be a string like '<f4'");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortranOrder)) {
            throw new NpyFormatException("fortran_order in the .npy header must be True or False");
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw new NpyFormatException("shape in the .npy header must be a tuple of integers");
        }
        if (NpyShape.elementCount(shape).isEmpty()) {
            throw new NpyFormatException("shape " + NpyShape.format(shape) + " is invalid or too"
                    + " large (at most " + NpyShape.MAX_DIMENSIONS + " dimensions, each >= 0)");
        }
        return interpretDescr(descr, fortranOrder, shape);
    }

    private static NpyHeader interpretDescr(String descr, boolean fortranOrder, long[] shape)
            throws NpyFormatException {
        if (descr.contains("O")) {
            throw new NpyFormatException("object arrays (dtype '" + descr + "') are not supported:"
                    + " they can only be read by unpickling, which could run code");
        }
        if (descr.isEmpty() || "<>|=".indexOf(descr.charAt(0)) < 0) {
            throw new NpyFormatException("dtype '" + descr + "' has no byte-order character;"
                    + " expected e.g. '<f4'");
        }
        char order = descr.charAt(0);
        NpyDtype dtype = NpyDtype.fromTypeCode(descr.substring(1))
                .orElseThrow(() -> new NpyFormatException("unsupported dtype '" + descr
                        + "'; supported: " + NpyDtype.supportedList()));
        boolean multiByte = dtype.itemSize() > 1;
        if (multiByte && order == '|' || multiByte && order == '=') {
            throw new NpyFormatException("dtype '" + descr + "' does not say whether it is"
                    + " little- or big-endian; expected '<' or '>'");
        }
        return new NpyHeader(dtype, multiByte && order == '>', fortranOrder, shape);
    }

    /** Recursive-descent parser for the Python literal subset used by .npy headers. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> dictionary() throws NpyFormatException {
            skipSpace();
            expect('{');
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (dict.put(key, value()) != null) {
                    throw fail("key '" + key + "' appears twice");
                }
                skipSpace();
                if (peek() != '}') {
                    expect(',');
                    skipSpace();
                }
            }
            expect('}');
            skipSpace();
            if (pos != text.length()) {
                throw fail("unexpected text after the dict");
            }
            return dict;
        }

        private Object value() throws NpyFormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            } else if (c == '(') {
                return tuple();
            } else if (c == '[') {
                throw new NpyFormatException(STRUCTURED_DTYPE);   // NumPy's list-of-fields descr
            } else if (isDigit(c)) {
                return integer();
            } else if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw fail("unexpected value");
        }

        private String string() throws NpyFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            if (s.indexOf('\\') >= 0) {
                throw fail("escape sequences are not allowed");
            }
            pos = end + 1;
            return s;
        }

        /** A tuple of integers; a single element needs its trailing comma, as in Python. */
        private long[] tuple() throws NpyFormatException {
            expect('(');
            List<Long> items = new ArrayList<>();
            boolean trailingComma = false;
            skipSpace();
            while (peek() != ')') {
                if (!isDigit(peek())) {
                    throw fail("shape entries must be non-negative integers");
                }
                items.add(integer());
                skipSpace();
                trailingComma = false;
                if (peek() != ')') {
                    expect(',');
                    trailingComma = true;
                    skipSpace();
                }
            }
            expect(')');
            if (items.size() == 1 && !trailingComma) {
                throw fail("'(n)' is not a tuple; a one-dimensional shape is written '(n,)'");
            }
            return items.stream().mapToLong(Long::longValue).toArray();
        }

        /** A non-negative decimal integer; Python 2's long suffix 'L' is accepted. */
        private long integer() throws NpyFormatException {
            int start = pos;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            if (digits.length() > 18) {
                throw fail("integer " + digits + " is too large");
            }
            if (pos < text.length() && text.charAt(pos) == 'L') {
                pos++;
            }
            return Long.parseLong(digits);
        }

        private void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private char peek() throws NpyFormatException {
            if (pos >= text.length()) {
                throw fail("header ends early");
            }
            return text.charAt(pos);
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            pos++;
        }

        private NpyFormatException fail(String what) {
            String excerpt = text.strip().replaceAll("\\p{Cntrl}", " ");
            if (excerpt.length() > 80) {
                excerpt = excerpt.substring(0, 80) + "...";
            }
            return new NpyFormatException("malformed .npy header (" + what + " at character "
                    + pos + "): " + excerpt);
        }
    }
}
