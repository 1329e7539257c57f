package org.mpbnlab.app.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.mpbnlab.app.charts.ChartTheme;
import org.mpbnlab.session.EngineThreads;
import org.mpbnlab.session.SessionPacing;

/**
 * The desktop application. Start it with {@link #launchApp(String[])}; {@code --model FILE} opens that model
 * file instead of the sample model (a missing or damaged file ends the process with one line and exit code 1),
 * {@code --theme NAME} opens it in
 * a theme ({@link AppOptions}), {@code --classroom} with large fonts, {@code --show-pulse-gaps} with the
 * developer's meter of UI pauses in the status bar.
 */
public final class MpbnLabApp extends Application {

    private MainWindow window;

    /**
     * The data catalog, the first model (ND4J's ~3 s start-up) and the chart classes, prepared on the
     * {@code app-start} thread, never on the UI thread, once the start-up note is drawn ({@link BackgroundStartup}
     * says why not sooner).
     */
    private static final CompletableFuture<AppContext> CONTEXT = new CompletableFuture<>();

    /** Opened when the start-up note's first frames are drawn: JavaFX's native libraries are loaded by then. */
    private static final CountDownLatch NOTE_DRAWN = new CountDownLatch(1);

    /**
     * Pulses after showing the note before it counts as drawn: the first lays it out and hands it to the
     * renderer, the next ones come once the renderer is done with it.
     */
    private static final int FRAMES_BEFORE_DRAWN = 3;

    /**
     * Launches the JavaFX application (blocks until the window closes); options it does not know end
     * the process with a one-line message and exit code 2, and so does a {@code --model} file it cannot open (bad
     * input, as in the commands: README, "Exit codes").
     */
    public static void launchApp(String[] args) {
        AppOptions options;
        java.util.Optional<org.mpbnlab.session.RunPlan> opened;
        try {
            options = AppOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            opened = options.modelToOpen();
        } catch (org.mpbnlab.io.ModelFileException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        BackgroundStartup startup = new BackgroundStartup(NOTE_DRAWN::await,
                () -> AppContext.desktop(options, opened), () -> {
                    EngineThreads.limit(SessionPacing.interactive().engineThreads());
                    ChartTheme.warmUp();
                });
        Thread preparer = new Thread(() -> startup.run(CONTEXT), "app-start");
        preparer.setDaemon(true);
        preparer.start();
        try {
            Application.launch(MpbnLabApp.class, args);
        } catch (UnsupportedOperationException e) {
            java.util.Optional<String> noScreen = noScreenMessage(e);
            if (noScreen.isEmpty()) {
                throw e;
            }
            System.err.println("error: " + noScreen.get());
            System.exit(1);
        }
    }

    /**
     * What to tell the user when JavaFX could not open the screen (no X display: a terminal over ssh, a server),
     * instead of JavaFX's stack trace; empty for any other failure.
     */
    static java.util.Optional<String> noScreenMessage(UnsupportedOperationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!message.contains("DISPLAY")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the window cannot open: there is no screen (" + message + "). Start MPBN Lab "
                + "in a desktop session (or set DISPLAY to one); the command-line tools need no screen, see "
                + "java -jar target/mpbn-lab.jar --help.");
    }

    /**
     * Shows the window at once with a start-up note; the data catalog and the sample model's settings
     * are prepared in the background from {@link #launchApp} on (class loading alone takes a second or two
     * on a slow laptop), then the window is filled.
     */
    @Override
    public void start(Stage stage) {
        Label note = new Label("Starting MPBN Lab…");
        note.setStyle("-fx-font-size: 18px;");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(new StackPane(note), Math.min(1400, screen.getWidth()),
                Math.min(900, screen.getHeight())));
        stage.setTitle(MainWindow.TITLE);
        AppIcon.setOn(stage);
        stage.show();
        logStartup("start-up note shown");
        afterFrames(FRAMES_BEFORE_DRAWN, NOTE_DRAWN::countDown);
        CONTEXT.whenComplete((context, error) -> Platform.runLater(() -> {
            if (error != null) {
                note.setText("MPBN Lab could not start: " + error.getMessage());
                return;
            }
            window = new MainWindow(context);
            window.show(stage);
            logStartup("main window shown");
        }));
    }

    /** Runs {@code action} on the UI thread once {@code frames} more pulses have come. */
    private static void afterFrames(int frames, Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                seen++;
                if (seen >= frames) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /** With -Dmpbnlab.pulseLog=true: writes when the next frame after {@code what} is drawn, from JVM start. */
    private static void logStartup(String what) {
        if (!Boolean.getBoolean("mpbnlab.pulseLog")) {
            return;
        }
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.err.printf("startup: %s, first frame %d ms after the JVM started%n", what,
                        System.currentTimeMillis() - start);
                stop();
            }
        }.start();
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
