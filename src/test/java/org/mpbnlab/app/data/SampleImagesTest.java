package org.mpbnlab.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpbnlab.data.DataSplit;

/** The Data view's pictures of image samples, without a screen (the ARGB pixels only). */
class SampleImagesTest {

    /** Two 1×2×2 images: a faint one (values 0 to 0.2) and a bright one (0.8 to 1). */
    private static final DataSplit FAINT_AND_BRIGHT = new DataSplit(
            new float[] {0f, 0.2f, 0.1f, 0.2f, 0.8f, 1f, 0.9f, 1f}, new int[] {0, 1}, new int[] {1, 2, 2});

    private static int grey(int argb) {
        return argb & 0xff;
    }

    @Test
    void picturesShownTogetherShareOneScaleSoAFaintSampleLooksFaint() {
        ImageScale scale = ImageScale.over(FAINT_AND_BRIGHT, new int[] {0, 1});
        int[] faint = SampleImages.argb(FAINT_AND_BRIGHT, 0, scale);
        int[] bright = SampleImages.argb(FAINT_AND_BRIGHT, 1, scale);
        // each stretched to its own range, the faint one's 0.2 was drawn white, as bright as the bright one's 1.0
        assertEquals(0, grey(faint[0]));
        assertEquals(51, grey(faint[1]), "0.2 of a scale from 0 to 1");
        assertEquals(204, grey(bright[0]));
        assertEquals(255, grey(bright[1]));
        for (int f : faint) {
            for (int b : bright) {
                assertTrue(grey(f) < grey(b), "every faint pixel is darker than every bright one");
            }
        }
    }

    @Test
    void greyPicturesAreOpaqueAndGrey() {
        int[] pixels = SampleImages.argb(FAINT_AND_BRIGHT, 1, ImageScale.over(FAINT_AND_BRIGHT, new int[] {1}));
        assertEquals(0xff000000, pixels[0], "the sample's own smallest value is black when shown alone");
        assertEquals(0xffffffff, pixels[1]);
    }

    @Test
    void aColourImageKeepsItsChannelsOnTheSharedScale() {
        // one 3×1×1 image: red 1, green 0.5, blue 0
        DataSplit colour = new DataSplit(new float[] {1f, 0.5f, 0f}, new int[] {0}, new int[] {3, 1, 1});
        int[] pixel = SampleImages.argb(colour, 0, ImageScale.over(colour, new int[] {0}));
        assertEquals(0xffff8000, pixel[0]);
    }

    @Test
    void anEmptyGalleryHasTheUnitScale() {
        assertEquals(new ImageScale(0, 1), ImageScale.over(FAINT_AND_BRIGHT, new int[0]));
    }
}
