package org.mpbnlab.app.train;

import java.util.Locale;

/** How numbers of the settings are written into the form. */
public final class RunSettingsText {

    private RunSettingsText() {
    }

    /**
     * {@code value} rounded to {@code digits} decimals without a Formatter (cheap enough for the tooltip
     * of every bar and point of a chart, which is made at every drawing).
     */
    public static String rounded(double value, int digits) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double scale = Math.pow(10, digits);
        return String.valueOf(Math.round(value * scale) / scale);
    }

    /** Shortest faithful decimal, e.g. {@code 0.25}, {@code 1e-05}. */
    public static String number(double value) {
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e")) {
            return text.replaceAll("\\.?0+e", "e");
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** A count with its noun in English number: "1 epoch", "0 epochs", "5 epochs" ({@code noun} singular). */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
