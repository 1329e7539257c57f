package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mpbnlab.data.DatasetException;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.DownloadProgress;
import org.mpbnlab.data.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code datasets list [--json]} and {@code datasets fetch NAME}: what datasets exist, where they
 * are, and downloading a real one into the cache ahead of a lesson.
 *
 * <p>Exit codes: 0 success, 1 a download failed, 2 bad input (unknown name, bad option). Errors are
 * printed as one line on the error stream.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the datasets and download real ones into the cache.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.FetchCommand.class})
public final class DatasetsCommand implements Callable<Integer> {

    static final int DOWNLOAD_FAILED = 1;
    static final int BAD_INPUT = 2;

    private final DatasetRegistry registry;

    @Spec
    CommandSpec spec;

    /** The command over the standard registry (this user's cache and environment). */
    public DatasetsCommand() {
        this(null);
    }

    /** The command over {@code registry} (for tests and embedding); null means the standard one. */
    public DatasetsCommand(DatasetRegistry registry) {
        this.registry = registry;
    }

    /**
     * A command line for running this command on its own, whose parameter errors are printed as one
     * line with exit code 2.
     */
    public static CommandLine commandLine(DatasetsCommand command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println("error: " + exception.getMessage());
            return BAD_INPUT;
        });
        return commandLine;
    }

    DatasetRegistry registry() {
        return registry != null ? registry : DatasetRegistry.standard();
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: choose a subcommand: list or fetch");
        return BAD_INPUT;
    }

    /** {@code datasets list}: one row per dataset, or one JSON array with {@code --json}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List all datasets.")
    static final class ListCommand implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON array instead of a table.")
        boolean json;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with dataset files (else MPBN_DATA_DIR).")
        Path dataDir;

        @Override
        public Integer call() {
            DataOptions.checkDataDir(dataDir);
            PrintWriter out = spec.commandLine().getOut();
            List<DatasetInfo> infos = parent.registry().list(DatasetOptions.defaults().withDataDir(dataDir));
            if (json) {
                out.println(toJson(infos));
            } else {
                out.println(String.format(Locale.ROOT, "%-14s %-9s %7s %-14s %7s %7s  %s",
                        "NAME", "KIND", "CLASSES", "SHAPE", "TRAIN", "TEST", "WHERE"));
                for (DatasetInfo info : infos) {
                    out.println(String.format(Locale.ROOT, "%-14s %-9s %7d %-14s %7d %7d  %s",
                            info.name(), kind(info), info.classes(), shape(info.sampleShape()),
                            info.trainSize(), info.testSize(), where(info)));
                }
            }
            out.flush();
            return 0;
        }

        static String toJson(List<DatasetInfo> infos) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (DatasetInfo info : infos) {
                ObjectNode node = array.addObject();
                node.put("name", info.name());
                node.put("kind", kind(info));
                node.put("description", info.description());
                node.put("classes", info.classes());
                ArrayNode names = node.putArray("classNames");
                info.classNames().forEach(names::add);
                ArrayNode shape = node.putArray("sampleShape");
                Arrays.stream(info.sampleShape()).forEach(shape::add);
                node.put("trainSize", info.trainSize());
                node.put("testSize", info.testSize());
                node.put("temporalSteps", info.temporalSteps());
                node.put("localFolder", info.localFolder());
                node.put("downloadBytes", info.downloadBytes());
                node.put("available", info.available());
            }
            return array.toString();
        }

        private static String kind(DatasetInfo info) {
            return info.kind() == DatasetInfo.Kind.BUILTIN ? "builtin" : "download";
        }

        private static String shape(int[] shape) {
            return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("×"));
        }

        private static String where(DatasetInfo info) {
            if (info.kind() == DatasetInfo.Kind.BUILTIN) {
                return "built in";
            }
            if (info.localFolder() != null) {
                return info.localFolder();
            }
            return String.format(Locale.ROOT, "not local: download %.1f MB", info.downloadBytes() / 1e6);
        }
    }

    /** {@code datasets fetch NAME}: make a real dataset local, downloading it if needed. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download a real dataset into the cache (or find it locally).")
    static final class FetchCommand implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Dataset name, e.g. mnist, fashion-mnist, cifar10.")
        String name;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with dataset files (else MPBN_DATA_DIR).")
        Path dataDir;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "Base URL serving <URL>/<name>/<file> (else MPBN_DATASET_MIRROR).")
        String mirror;

        @Override
        public Integer call() {
            // fetch may download into a folder that does not exist yet, but not into a file
            Checks.require(dataDir == null || !java.nio.file.Files.isRegularFile(dataDir), "--data-dir " + dataDir
                    + " is a file, not a folder; give the folder to download into");
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            DatasetRegistry registry = parent.registry();
            if (!registry.names().contains(name)) {
                err.println("error: unknown dataset '" + name + "'; choose one of " + String.join(", ", registry.names()));
                return BAD_INPUT;
            }
            DatasetInfo info = registry.info(name, DatasetOptions.defaults().withDataDir(dataDir));
            if (info.kind() == DatasetInfo.Kind.BUILTIN) {
                out.println(name + " is built in; nothing to fetch");
                out.flush();
                return 0;
            }
            DatasetOptions options = DatasetOptions.defaults().withDataDir(dataDir).withMirror(mirror)
                    .withProgress(new TenthsPrinter(err));
            try {
                Path folder = registry.fetch(name, options);
                out.println(name + " is ready in " + folder);
                out.flush();
                return 0;
            } catch (DatasetException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return DOWNLOAD_FAILED;
            }
        }
    }

    /** Prints a line each time a file's download passes another tenth. */
    private static final class TenthsPrinter implements ProgressListener {

        private final PrintWriter err;
        private String file = "";
        private int tenths = -1;

        TenthsPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onProgress(DownloadProgress progress) {
            if (!progress.fileName().equals(file)) {
                file = progress.fileName();
                tenths = -1;
            }
            int now = progress.bytesTotal() > 0 ? (int) (progress.fraction() * 10) : 0;
            if (now > tenths) {
                tenths = now;
                err.println(String.format(Locale.ROOT, "%s: %d%% (%.1f MB)", file, now * 10,
                        progress.bytesDone() / 1e6));
                err.flush();
            }
        }
    }
}
