package org.mpbnlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code mpbn-lab <command>}; without a command the desktop app starts. */
@Command(name = "mpbn-lab", mixinStandardHelpOptions = true, version = "MPBN Lab 0.1.0",
        description = "Membrane Potential Batch Normalization in spiking networks: train, fold, evaluate, benchmark.",
        subcommands = {TrainCommand.class, EvalCommand.class, FoldCommand.class, PredictCommand.class,
                RecordCommand.class, BenchCommand.class,
                DatasetsCommand.class, CommandLine.HelpCommand.class})
public final class MpbnLabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns its exit code; output goes to {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, "");
    }

    /**
     * Runs a command line as {@link #run(String[], PrintWriter, PrintWriter)} does; the top-level {@code --help}
     * ends with {@code appHelp}, what starts the desktop app (the launcher knows it, the commands do not).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, String appHelp) {
        CliErrors errors = new CliErrors();
        // plain text always: with colours picocli writes escape codes that show as "[0m" where the terminal (or
        // a pipe, an IDE's console, a log) does not interpret them
        CommandLine commandLine = new CommandLine(new MpbnLabCommand())
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        if (!appHelp.isEmpty()) {
            commandLine.getCommandSpec().usageMessage().footer("", appHelp);
        }
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
