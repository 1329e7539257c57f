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

    static void positive(String option, double value) {
        require(value > 0 && Double.isFinite(value), option + " must be a positive number, got " + value);
    }

    static void oneOf(String option, String value, java.util.Collection<String> allowed) {
        require(allowed.contains(value), option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
}
