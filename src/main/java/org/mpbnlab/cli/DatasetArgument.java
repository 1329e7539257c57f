package org.mpbnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.UserDatasets;

/**
 * The one reading of a dataset argument shared by every command ({@code train}, {@code eval},
 * {@code fold --check}, {@code predict}, {@code record}): a built-in name ({@code glyphs}, {@code mnist}, …)
 * or the path of the user's own data (a folder of IDX files, a {@code .npz}, a folder of PNG class folders,
 * a {@code .csv}), see {@link UserDatasets}.
 */
final class DatasetArgument {

    static final String HELP = "a built-in name (see `datasets list`) or the path of your own data: "
            + "a folder of IDX files, a .npz, a folder with train/ and test/ class folders of PNG images, or a .csv";

    private DatasetArgument() {
    }

    /** Refuses, with exit code 2, a value that is neither a known name nor an existing file or folder. */
    static void check(String option, String value, DatasetRegistry registry) {
        if (registry.names().contains(value)) {
            return;
        }
        boolean path = UserDatasets.looksLikePath(value) || Files.exists(Path.of(value));
        Checks.require(!path || Files.exists(Path.of(value)), option + ": there is no file or folder '" + value
                + "'; check the path");
        Checks.require(path, option + " must be one of " + String.join(", ", registry.names())
                + ", or the path of your own data (an IDX folder, a .npz, a folder of PNG class folders, a .csv), got '"
                + value + "'");
    }

    /** Checks {@code value} and loads the dataset it names. */
    static Dataset load(String option, String value, DatasetRegistry registry, DatasetOptions options) {
        check(option, value, registry);
        return registry.load(value, options);
    }
}
