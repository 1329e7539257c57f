package org.mpbnlab.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The help of {@code --limit N} in each command that runs a saved model: the option comes from {@link DataOptions},
 * shared by {@code eval}, {@code predict}, {@code record} and {@code fold}, but each of them uses other samples (and
 * none of them trains), so each says what it limits.
 */
final class LimitHelp implements CommandLine.IModelTransformer {

    private static final Map<String, String> MEANING = Map.of(
            "eval", "Evaluate on the first N test samples only (0 = all).",
            "predict", "Predict the first N samples of the --split only (0 = all).",
            "record", "Load only the first N test samples (0 = all); the --samples must be below N.",
            "fold", "Check (--check) on the first N test samples only (0 = all).");

    @Override
    public CommandSpec transform(CommandSpec command) {
        OptionSpec limit = command.findOption("--limit");
        String meaning = MEANING.get(command.name());
        if (limit != null && meaning != null) {
            command.remove(limit);
            command.addOption(OptionSpec.builder(limit).description(meaning).build());
        }
        return command;
    }
}
