package org.mpbnlab.cli;

import org.mpbnlab.data.Dataset;
import org.mpbnlab.data.DatasetException;
import org.mpbnlab.data.DatasetOptions;
import org.mpbnlab.data.DatasetRegistry;
import org.mpbnlab.data.UserDatasets;
import org.mpbnlab.train.settings.SettingDomain;

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

    /**
     * Refuses, with exit code 2, a value that is neither a known name nor an existing file or folder: the rule
     * and the words of {@code train --dataset} and the app's form ({@link SettingDomain.DataSet}), after the
     * option's name.
     */
    static void check(String option, String value, DatasetRegistry registry) {
        try {
            new SettingDomain.DataSet(registry::names).check(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }

    /** Checks {@code value} and loads the dataset it names. */
    static Dataset load(String option, String value, DatasetRegistry registry, DatasetOptions options) {
        check(option, value, registry);
        return readingOwnData(value, registry, () -> registry.load(value, options));
    }

    /**
     * Runs {@code loading}; when {@code value} is the path of the user's own data (not a built-in name), a file
     * there that cannot be read is bad input (exit code 2, as a missing file is), not a failure of the command
     * (exit code 1, left to a built-in set's download or cache).
     */
    static <T> T readingOwnData(String value, DatasetRegistry registry, java.util.function.Supplier<T> loading) {
        try {
            return loading.get();
        } catch (DatasetException e) {
            if (registry.names().contains(value)) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
