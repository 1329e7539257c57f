package org.mpbnlab.app.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Text made to fit a width on a canvas, given how wide a string is drawn ({@code widthOf}, in pixels): cut with
 * "…" for a cell that must stay one line, or wrapped at spaces for a message. Pure, so it is tested without a
 * screen; {@link CanvasFont} measures with the font in use.
 */
public final class FittedText {

    private FittedText() {
    }

    /**
     * {@code text} if {@code widthOf(text) ≤ width}, else the longest start of it that fits with "…" appended, and
     * at least its first character (a cell too small for anything still says which name it is).
     */
    public static String fit(String text, double width, ToDoubleFunction<String> widthOf) {
        if (text.isEmpty() || widthOf.applyAsDouble(text) <= width) {
            return text;
        }
        for (int keep = text.length() - 1; keep >= 1; keep--) {
            String cut = text.substring(0, keep).stripTrailing() + "…";
            if (widthOf.applyAsDouble(cut) <= width) {
                return cut;
            }
        }
        return text.substring(0, 1);
    }

    /** {@code text} in lines of at most {@code width} px, broken at spaces; a word wider than that stands alone. */
    public static List<String> wrap(String text, double width, ToDoubleFunction<String> widthOf) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && widthOf.applyAsDouble(longer) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
