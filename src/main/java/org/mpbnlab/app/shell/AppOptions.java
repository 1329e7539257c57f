package org.mpbnlab.app.shell;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The desktop app's own options: {@code --theme NAME} ({@code normal}, {@code classroom},
 * {@code high-contrast}) and {@code --classroom}, the same as {@code --theme classroom}.
 */
@Command(name = "mpbn-lab")
public final class AppOptions {

    @Option(names = "--theme", paramLabel = "NAME")
    private String theme;

    @Option(names = "--classroom")
    private boolean classroom;

    private AppOptions() {
    }

    /** True when {@code args} ask for the desktop app (nothing, or only the app's options), not a command. */
    public static boolean startsApp(String[] args) {
        return args.length == 0 || args[0].equals("--classroom") || args[0].equals("--theme")
                || args[0].startsWith("--theme=");
    }

    /**
     * The theme that {@code args} choose ({@link AppTheme#NORMAL} without options).
     *
     * @throws IllegalArgumentException in the user's words, when an option is unknown or a theme does not exist
     */
    public static AppTheme themeOf(String... args) {
        AppOptions options = new AppOptions();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + ". The app takes --theme NAME ("
                    + AppTheme.choices() + ") or --classroom.");
        }
        AppTheme chosen = options.theme == null ? AppTheme.NORMAL : AppTheme.named(options.theme);
        if (options.classroom && options.theme != null && chosen != AppTheme.CLASSROOM) {
            throw new IllegalArgumentException("--classroom and --theme " + options.theme
                    + " ask for two themes: choose one.");
        }
        return options.classroom ? AppTheme.CLASSROOM : chosen;
    }
}
