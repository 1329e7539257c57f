package org.mpbnlab.app;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application. Start it with {@link #launchApp(String[])}; the option
 * {@code --classroom} opens it with large fonts.
 */
public final class MpbnLabApp extends Application {

    private MainWindow window;

    /** Launches the JavaFX application (blocks until the window closes). */
    public static void launchApp(String[] args) {
        Application.launch(MpbnLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        window = new MainWindow(AppContext.desktop(args.contains("--classroom")));
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    public static void main(String[] args) {
        launchApp(args);
    }
}
