package org.mpbnlab.session;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mpbnlab.io.ModelArchive;
import org.mpbnlab.io.ModelFileException;
import org.mpbnlab.snn.LayerSpec;
import org.mpbnlab.snn.NetworkSpec;
import org.mpbnlab.snn.Presets;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.ModelInfo;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * The trained models shipped in {@code sample-models/}, so that the app opens with a network that
 * already works. Reading a model's settings only parses its {@code model.json} (no engine start).
 */
public final class SampleModels {

    /** The model the app opens with when it is present. */
    public static final String PREFERRED = "glyphs-mlp-mpbn.zip";

    private SampleModels() {
    }

    /** {@code ./sample-models} and the {@code sample-models} folder next to (or above) the application jar. */
    public static List<Path> defaultFolders() {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("sample-models"));
        try {
            Path code = Path.of(SampleModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = code.getParent();
            for (int up = 0; parent != null && up < 2; up++, parent = parent.getParent()) {
                folders.add(parent.resolve("sample-models"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code location (e.g. a custom class loader): only the working folder is searched
        }
        return folders;
    }

    /**
     * True when {@code file} lies in one of the {@link #defaultFolders()}: a model shipped with the app, which
     * the app's Save does not overwrite (it asks for a new file instead).
     */
    public static boolean isShipped(Path file) {
        return isIn(file, defaultFolders());
    }

    /** True when {@code file}'s folder is one of {@code folders} (compared as absolute, normalised paths). */
    public static boolean isIn(Path file, List<Path> folders) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return folder != null && folders.stream().anyMatch(f -> f.toAbsolutePath().normalize().equals(folder));
    }

    /** The preferred sample model in the first folder that has it, or empty. */
    public static Optional<Path> find(List<Path> folders) {
        for (Path folder : folders) {
            Path model = folder.resolve(PREFERRED);
            if (Files.isRegularFile(model)) {
                return Optional.of(model.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * The run {@code model} was made with, starting from its weights: every setting its file records; a
     * file of an earlier version (which records only the training settings) gets the settings its network
     * shows (preset, T, neurons, MPBN) and the defaults for the rest.
     *
     * @throws ModelFileException when the file cannot be read or is not a preset network the app can train
     */
    public static RunPlan planOf(Path model) throws ModelFileException {
        ModelArchive.Contents contents = ModelArchive.read(model);
        String where = "Cannot open model '" + model.getFileName() + "' in the app: ";
        try {
            ModelFile.Description description = ModelFile.describe(contents.json(), where);
            NetworkSpec spec = description.spec();
            ModelInfo provenance = description.info();
            LayerSpec.LifSpec lif = spec.firstLif();
            if (spec.layers().stream().anyMatch(LayerSpec.FoldedLifSpec.class::isInstance)) {
                throw new ModelFileException("'" + model.getFileName() + "' is a folded (or deployable) model, made by"
                        + " fold or the Fold tab: its MPBN is already folded into thresholds, and the app trains MPBN"
                        + " models. Open the model it was folded from instead, or use this one from the command line"
                        + " with eval, record or predict.");
            }
            if (lif == null || !Presets.NAMES.contains(spec.preset())) {
                throw new ModelFileException(where + "it is not one of the app's presets ("
                        + String.join(", ", Presets.NAMES) + "); the app trains these presets only.");
            }
            RunSettings recorded = provenance.settings() != null ? provenance.settings()
                    : RunSettings.defaults().with(SettingsTable.DATASET, provenance.dataset())
                            .with(SettingsTable.SEED, provenance.seed());
            // the network itself is the truth about what it is (files of earlier versions record only training)
            RunSettings settings = recorded.with(SettingsTable.ARCH, spec.preset())
                    .with(SettingsTable.TIME_STEPS, spec.timeSteps())
                    .with(SettingsTable.TAU, lif.lif().tau())
                    .with(SettingsTable.THRESHOLD, lif.lif().threshold())
                    .with(SettingsTable.SURROGATE, lif.lif().surrogate().id())
                    .with(SettingsTable.DETACH_RESET, lif.lif().detachReset())
                    .with(SettingsTable.MPBN, lif.mpbn().mode().id())
                    .with(SettingsTable.MPBN_STATS, lif.mpbn().statistics().id());
            return new RunPlan(settings, model);
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(where + e.getMessage(), e);
        }
    }
}
