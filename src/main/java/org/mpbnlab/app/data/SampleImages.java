package org.mpbnlab.app.data;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.mpbnlab.app.charts.ClipColours;
import org.mpbnlab.data.DataSplit;

/**
 * A sample's features as a picture: {@code [C, H, W]} images (three channels in colour, otherwise the mean
 * of the channels in grey) and {@code [T, C, H, W]} sequences in {@link ClipColours}' colours of time (blue
 * lit early, red lit late), so that a moving bar shows its direction, which the sum of its frames hides;
 * each stretched from its own smallest to its largest value, so the features need no raw scale.
 */
final class SampleImages {

    private SampleImages() {
    }

    static WritableImage of(DataSplit split, int index) {
        int[] shape = split.sampleShape();
        if (shape.length == 4) {
            WritableImage clip = new WritableImage(shape[3], shape[2]);
            clip.getPixelWriter().setPixels(0, 0, shape[3], shape[2], PixelFormat.getIntArgbInstance(),
                    ClipColours.argb(split.sample(index), shape), 0, shape[3]);
            return clip;
        }
        int height = shape[shape.length - 2];
        int width = shape[shape.length - 1];
        int channels = shape[shape.length - 3];
        float[] values = split.sample(index);
        int plane = height * width;
        boolean colour = channels == 3;
        int planes = colour ? 3 : 1;
        float[][] pixels = new float[planes][plane];
        for (int c = 0; c < channels; c++) {
            float[] target = pixels[colour ? c : 0];
            for (int i = 0; i < plane; i++) {
                target[i] += values[c * plane + i];
            }
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] p : pixels) {
            for (float v : p) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float span = hi > lo ? hi - lo : 1;
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int r = level(pixels[0][i], lo, span);
                int g = colour ? level(pixels[1][i], lo, span) : r;
                int b = colour ? level(pixels[2][i], lo, span) : r;
                writer.setArgb(x, y, 0xff000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int level(float value, float lo, float span) {
        return Math.max(0, Math.min(255, Math.round(255 * (value - lo) / span)));
    }
}
