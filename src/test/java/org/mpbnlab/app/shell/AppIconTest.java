package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URL;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AppIconTest {

    @Test
    void theIconIsPackagedAsSquarePngsOfTheStatedSizesWithATransparentCorner() throws Exception {
        List<URL> urls = AppIcon.urls();
        assertEquals(AppIcon.SIZES.length, urls.size());
        for (int k = 0; k < urls.size(); k++) {
            BufferedImage image = ImageIO.read(urls.get(k));
            assertNotNull(image, urls.get(k) + " is a PNG");
            int size = AppIcon.SIZES[k];
            assertEquals(size, image.getWidth());
            assertEquals(size, image.getHeight());
            assertEquals(0, image.getRGB(0, 0) >>> 24, "rounded corners are transparent");
            int centre = image.getRGB(size / 2, size * 3 / 4);
            assertTrue((centre >>> 24) == 0xFF, "the inside is opaque");
        }
    }
}
