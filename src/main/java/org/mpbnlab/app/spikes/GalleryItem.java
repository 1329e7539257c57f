package org.mpbnlab.app.spikes;

/**
 * One test sample in the gallery with the model's answer for it.
 *
 * @param index      its index in the test set
 * @param label      its class
 * @param prediction the class the model predicts (at the gallery's iteration)
 */
public record GalleryItem(int index, int label, int prediction) {

    public boolean misclassified() {
        return label != prediction;
    }
}
