package org.mpbnlab.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.session.RunPlan;
import org.mpbnlab.session.SampleModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop app's own options: {@code --model FILE} (the model file to open instead of the sample model),
 * {@code --theme NAME} ({@code normal}, {@code classroom}, {@code high-contrast}), {@code --classroom} (the same as
 * {@code --theme classroom}) and {@code --show-pulse-gaps}, a developer's measurement: the status bar then shows the longest time the
 * window could not repaint while training ran. A teacher never sees that meter unless it is asked for.
 */
@Command(name = "mpbn-lab")
public final class AppOptions {

    /** The options as the top-level {@code --help} lists them, one per line. */
    public static final String HELP = """
            Without a command the desktop app starts; its options:
              --model FILE       open this model file (.zip) instead of the sample model
              --theme NAME       normal, classroom (large fonts) or high-contrast
              --classroom        the same as --theme classroom
              --show-pulse-gaps  for developers: the status bar shows the longest time
                                 the window could not repaint while training""";

    @Option(names = "--model", paramLabel = "FILE")
    private Path model;

    @Option(names = "--theme", paramLabel = "NAME")
    private String theme;

    @Option(names = "--classroom")
    private boolean classroom;

    @Option(names = "--show-pulse-gaps")
    private boolean showPulseGaps;

    private AppTheme chosenTheme = AppTheme.NORMAL;

    private AppOptions() {
    }

    /** The names of the app's options, e.g. {@code --theme}. */
    public static Set<String> names() {
        return new CommandLine(new AppOptions()).getCommandSpec().optionsMap().keySet();
    }

    /** True when {@code args} ask for the desktop app (nothing, or only the app's options), not a command. */
    public static boolean startsApp(String[] args) {
        return args.length == 0 || names().contains(args[0].split("=", 2)[0]);
    }

    /**
     * The options in {@code args}.
     *
     * @throws IllegalArgumentException in the user's words, when an option is unknown or a theme does not exist
     */
    public static AppOptions parse(String... args) {
        AppOptions options = new AppOptions();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + ". The app takes --model FILE, --theme NAME ("
                    + AppTheme.choices() + "), --classroom or --show-pulse-gaps.");
        }
        AppTheme named = options.theme == null ? AppTheme.NORMAL : AppTheme.named(options.theme);
        if (options.classroom && options.theme != null && named != AppTheme.CLASSROOM) {
            throw new IllegalArgumentException("--classroom and --theme " + options.theme
                    + " ask for two themes: choose one.");
        }
        options.chosenTheme = options.classroom ? AppTheme.CLASSROOM : named;
        return options;
    }

    /** The theme that {@code args} choose ({@link AppTheme#NORMAL} without options); see {@link #parse}. */
    public static AppTheme themeOf(String... args) {
        return parse(args).theme();
    }

    /**
     * The run of {@code --model FILE}: the file read and checked (as File ▸ Open model does) before the window opens,
     * so that a missing or damaged file is said at once; empty without {@code --model}, and the sample model opens.
     *
     * @throws ModelFileException in the user's words, naming the file
     */
    public Optional<RunPlan> modelToOpen() throws ModelFileException {
        return model == null ? Optional.empty() : Optional.of(SampleModels.planOf(model));
    }

    /** The theme to start in. */
    public AppTheme theme() {
        return chosenTheme;
    }

    /** True when the status bar shows the longest pause between repaints while training ({@code --show-pulse-gaps}). */
    public boolean showPulseGaps() {
        return showPulseGaps;
    }
}
