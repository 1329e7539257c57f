package org.mpbnlab.cli;

/** Validation of command-line values, with messages that name the option and what it allows. */
final class Checks {

    private Checks() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A number above 0, e.g. {@code --seconds 0.5}; the message says what is allowed, with {@code example}. */
    static void positive(String option, double value, String example) {
        require(value > 0 && Double.isFinite(value), option + " must be a number above 0, e.g. " + example + ", got "
                + plain(value));
    }

    /** -1.0 as "-1", 0.25 as "0.25": the number as the user would have typed it. */
    static String plain(double value) {
        return Double.isFinite(value)
                ? new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    static void oneOf(String option, String value, java.util.Collection<String> allowed) {
        require(allowed.contains(value), option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
}
