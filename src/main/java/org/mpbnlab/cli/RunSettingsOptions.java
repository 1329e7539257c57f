package org.mpbnlab.cli;

import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingsTable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of the run settings, made from the {@link SettingsTable}: one {@code --name} per setting
 * with the table's help, allowed values and default. Values are read as text and checked by the table,
 * so the command line refuses exactly what the app's form refuses, with the same words.
 */
final class RunSettingsOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec command) {
        for (Setting<?> setting : SettingsTable.all()) {
            OptionSpec.Builder option = OptionSpec.builder(setting.option()).description(setting.description());
            if (setting.type() == Boolean.class) {
                option.type(boolean.class).arity("0");
            } else {
                option.type(String.class).paramLabel(paramLabel(setting));
            }
            command.addOption(option.build());
        }
        return command;
    }

    private static String paramLabel(Setting<?> setting) {
        return setting.type() == String.class ? "NAME" : setting.type() == Double.class ? "X" : "N";
    }

    /**
     * The settings given on {@code command}'s line, the others at their defaults.
     *
     * @throws IllegalArgumentException naming the option and what it allows
     */
    static RunSettings read(CommandSpec command) {
        RunSettings settings = RunSettings.defaults();
        CommandLine.ParseResult given = command.commandLine().getParseResult();
        for (Setting<?> setting : SettingsTable.all()) {
            OptionSpec option = command.findOption(setting.option());
            if (!given.hasMatchedOption(option)) {
                continue;
            }
            String text = String.valueOf((Object) option.getValue());
            try {
                settings = settings.withText(setting, text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting.option() + " " + e.getMessage(), e);
            }
        }
        return settings;
    }
}
