package org.mpbnlab.app.spikes;

import java.util.List;

/**
 * One test sample in the gallery with its label and the model's answer for it, and the texts its tile shows.
 *
 * @param index      its index in the test set
 * @param label      its class
 * @param prediction the class the model predicts (at the gallery's iteration)
 */
public record GalleryItem(int index, int label, int prediction) {

    public boolean misclassified() {
        return label != prediction;
    }

    /** The label's name, as the tile writes it under the thumbnail ("horizontal bar"). */
    public String labelText(List<String> classNames) {
        return name(classNames, label);
    }

    /**
     * The answer as the tile writes it under the label, "→ vertical bar" (the Data view's "label → answer"); the
     * arrow is joined to the first word so that a narrow tile never leaves it alone on a line.
     */
    public String answerText(List<String> classNames) {
        return "→\u00a0" + name(classNames, prediction);
    }

    /** The tooltip: the sample and both names in full. */
    public String tooltip(List<String> classNames) {
        return "test sample " + index + ": label " + name(classNames, label) + "; the model answers "
                + name(classNames, prediction) + (misclassified() ? " (wrong)" : " (right)");
    }

    private static String name(List<String> classNames, int k) {
        return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
    }
}
