package org.mpbnlab.cli;

import org.mpbnlab.data.DatasetException;
import org.mpbnlab.io.ModelFileException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on the error stream and an exit code, never a stack trace (README,
 * "Exit codes"):
 * <ul>
 *   <li>2, bad input: what the command line asks for cannot be done as given: an impossible option or
 *       combination, an unknown name, or a file the user named that is missing, a folder, or not a file the
 *       command can read (a model file that is damaged or not a model, own data that cannot be read), or an
 *       output that cannot be written where it was asked for;</li>
 *   <li>1, failure: the input was usable but the work did not succeed: a download failed, the training
 *       diverged, a fold's check found spikes that differ, writing the output failed.</li>
 * </ul>
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("error: " + message(e));
        commandLine.getErr().flush();
        return exitCode(e);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String unknown = unknownCommand(e);
        cmd.getErr().println("error: " + (unknown != null ? unknown : inUserTerms(e.getMessage())) + " (see --help)");
        cmd.getErr().flush();
        return BAD_INPUT;
    }

    /**
     * For a word where a command was expected ({@code mpbn-lab trian}), a message that says so and names the
     * commands (and the closest one); {@code null} for any other parse failure.
     */
    static String unknownCommand(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || cmd.getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return null;
        }
        String word = unmatched.getUnmatched().get(0);
        // picocli always guesses; a guess that does not even start with the word's first letter is no help
        // ("frobnicate" is not a typo of "predict", "trian" is one of "train")
        java.util.List<String> suggestions = unmatched.getSuggestions().stream()
                .filter(s -> !word.isEmpty() && !s.isEmpty() && s.charAt(0) == Character.toLowerCase(word.charAt(0)))
                .toList();
        String guess = suggestions.isEmpty() ? "." : "; did you mean " + suggestions.get(0) + "?";
        return "unknown command '" + word + "'" + guess + " The commands are "
                + String.join(", ", cmd.getSubcommands().keySet());
    }

    /** picocli's words for a value of the wrong type, e.g. "'abc' is not a double", said as "is not a number". */
    static String inUserTerms(String message) {
        return message.replaceAll("is not an? (double|float)\\b", "is not a number")
                .replaceAll("is not an? (int|long|short|byte)\\b", "is not a whole number");
    }

    static int exitCode(Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof ModelFileException
                || e instanceof DatasetException && isUsage(e)) {
            return BAD_INPUT;
        }
        return FAILED;
    }

    private static boolean isUsage(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("unknown") || m.contains("choose one of") || m.contains("must be");
    }

    /** The first line of the exception's message, or its type when it has none. */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
