package org.mpbnlab.app.spikes;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.mpbnlab.app.charts.ClipColours;
import org.mpbnlab.data.DataSplit;
import org.mpbnlab.data.Normalisation;

/** Small images of samples: an image frame at its pixel size (grey or colour), a moving-bar clip coloured by time. */
public final class Thumbnails {

    private static final Color[] CLASS_COLOURS = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"), Color.web("#9467bd"),
        Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"), Color.web("#bcbd22"), Color.web("#17becf")
    };

    private Thumbnails() {
    }

    public static Color classColour(int label) {
        return CLASS_COLOURS[Math.floorMod(label, CLASS_COLOURS.length)];
    }

    /** One frame [C, H, W] (C = 1 grey, 3 colour, else its first channel) as an image, in intensities. */
    public static WritableImage image(float[] frame, int[] shape, Normalisation n) {
        int c = shape[0];
        int height = shape[1];
        int width = shape[2];
        int plane = height * width;
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r;
            int gr;
            int b;
            if (c == 3) {
                r = level(n.intensity(frame[i]));
                gr = level(n.intensity(frame[plane + i]));
                b = level(n.intensity(frame[2 * plane + i]));
            } else {
                r = level(n.intensity(frame[i]));
                gr = r;
                b = r;
            }
            argb[i] = 0xff000000 | r << 16 | gr << 8 | b;
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }

    /**
     * The thumbnail of test sample {@code index}: its image, or for a clip [T, C, H, W] its frames in one picture
     * coloured by time ({@link ClipColours}: blue lit early, red lit late), so a moving bar shows its direction.
     */
    public static WritableImage of(DataSplit split, int index) {
        int[] shape = split.sampleShape();
        float[] sample = split.sample(index);
        if (shape.length == 3) {
            return image(sample, shape, split.normalisation());
        }
        if (shape.length == 4) {
            WritableImage image = new WritableImage(shape[3], shape[2]);
            image.getPixelWriter().setPixels(0, 0, shape[3], shape[2], PixelFormat.getIntArgbInstance(),
                    ClipColours.argb(sample, shape), 0, shape[3]);
            return image;
        }
        return null;
    }

    private static int level(float intensity) {
        return Math.round(255 * intensity);
    }
}
