package org.mpbnlab.app.data;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.mpbnlab.app.charts.ClipColours;
import org.mpbnlab.data.DataSplit;

/**
 * A sample's features as a picture: {@code [C, H, W]} images (three channels in colour, otherwise the sum
 * of the channels in grey) and {@code [T, C, H, W]} sequences in {@link ClipColours}' colours of time (blue
 * lit early, red lit late), so that a moving bar shows its direction, which the sum of its frames hides.
 * Images are drawn on an {@link ImageScale} shared by the pictures shown together, so that a faint sample looks
 * faint beside a bright one; a clip is stretched to its own range, as {@link ClipColours} says.
 */
final class SampleImages {

    private SampleImages() {
    }

    /**
     * The picture of sample {@code index}: a clip in the colours of time, an image in grey (or colour) on
     * {@code scale}, the scale shared by the pictures shown beside it.
     */
    static WritableImage of(DataSplit split, int index, ImageScale scale) {
        int[] shape = split.sampleShape();
        int height = shape[shape.length - 2];
        int width = shape[shape.length - 1];
        int[] argb = shape.length == 4 ? ClipColours.argb(split.sample(index), shape) : argb(split, index, scale);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    /** An image {@code [C, H, W]} on {@code scale} as ARGB pixels, row by row. */
    static int[] argb(DataSplit split, int index, ImageScale scale) {
        float[][] planes = ImageScale.planes(split, index);
        boolean colour = planes.length == 3;
        int[] pixels = new int[planes[0].length];
        for (int i = 0; i < pixels.length; i++) {
            int r = scale.level(planes[0][i]);
            int g = colour ? scale.level(planes[1][i]) : r;
            int b = colour ? scale.level(planes[2][i]) : r;
            pixels[i] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
        return pixels;
    }
}
