package org.mpbnlab.app.shell;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app's icon (a membrane charging to the dashed threshold, spiking and resetting), drawn in
 * {@code assets/icons/mpbn-lab.svg} and shipped as PNGs of a few sizes; the window system picks the size.
 */
final class AppIcon {

    static final int[] SIZES = {16, 32, 64, 256};

    private AppIcon() {
    }

    /** Where the PNG of {@code size} pixels is on the class path. */
    static String resource(int size) {
        return "/org/mpbnlab/assets/icons/mpbn-lab-" + size + ".png";
    }

    /** The icon's URLs, smallest first. */
    static List<URL> urls() {
        List<URL> urls = new ArrayList<>();
        for (int size : SIZES) {
            URL url = AppIcon.class.getResource(resource(size));
            if (url == null) {
                throw new IllegalStateException("The icon " + resource(size) + " is missing from the build "
                        + "(it belongs in assets/icons/).");
            }
            urls.add(url);
        }
        return urls;
    }

    /** Shows the icon on {@code stage}'s title bar and task bar entry. */
    static void setOn(Stage stage) {
        if (stage.getIcons().isEmpty()) {
            for (URL url : urls()) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }
}
