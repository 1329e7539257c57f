package org.mpbnlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --json} means one thing in every command: the JSON object is the last line of the standard output, after
 * the usual lines (only {@code datasets list --json} prints its array instead of the table). Each command's help
 * says so, and the README says it once for all of them with how to read it ({@code | tail -n 1}).
 */
class JsonOptionTest {

    @Test
    void everyCommandsJsonOptionSaysWhereTheJsonIsAndTheReadmeSaysHowToReadIt() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(new MpbnLabCommand()), commands);
        assertTrue(commands.containsAll(List.of("train", "eval", "fold", "record", "predict", "bench")), commands.toString());
        for (String command : commands) {
            assertTrue(readme.contains("`" + command + "`"), "the README names " + command + " among the --json commands");
        }
        assertTrue(readme.contains("the JSON object as the **last line** of the standard output"), "README: where");
        assertTrue(readme.contains("--json | tail -n 1 | python3 -m json.tool"), "README: how to read it");
    }

    /** The commands (by name) whose {@code --json} puts the JSON on the last line; checks each one's help says so. */
    private static void collect(CommandLine command, List<String> lastLine) {
        OptionSpec json = command.getCommandSpec().findOption("--json");
        if (json != null) {
            String help = String.join(" ", json.description());
            boolean last = help.contains("as the last line");
            assertTrue(last || help.contains("instead of a table"), command.getCommandName() + " --json: " + help);
            if (last) {
                lastLine.add(command.getCommandName());
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, lastLine));
    }
}
