package org.mpbnlab.app.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mpbnlab.data.DatasetInfo;
import org.mpbnlab.session.DataCatalog;
import org.mpbnlab.train.RunFactory;
import org.mpbnlab.train.settings.RunSettings;
import org.mpbnlab.train.settings.Setting;
import org.mpbnlab.train.settings.SettingDomain;
import org.mpbnlab.train.settings.SettingNames;
import org.mpbnlab.train.settings.SettingsProblem;
import org.mpbnlab.train.settings.SettingsTable;

/**
 * The run settings as the user edits them: one field per row of the {@link SettingsTable}, validated as
 * typed with the table's limits and words. A value that does not parse, or a combination that does not fit
 * the data (a preset that does not take the data set's input), is explained in {@link #errorProperty()} and
 * never becomes {@link #settings()}.
 *
 * <p>A field whose default follows from other settings (weight decay from the optimiser) keeps following it
 * until the user types a value of their own.
 */
public final class SettingsForm {

    /** The most characters of an own data set's file name the data set box shows (the form's narrowest field). */
    static final int SHOWN_FILE_NAME = 18;

    private final DataCatalog catalog;
    private final Runnable changed;
    private final Map<Setting<?>, ValidatedField<?>> fields = new LinkedHashMap<>();
    private final Map<Setting<?>, Boolean> followsDefault = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Setting<?>> invalid = new ReadOnlyObjectWrapper<>(this, "invalid");
    /** The user's own data sets read in this session, by name (their path): known once read. */
    private final Map<String, DatasetInfo> ownData = new LinkedHashMap<>();
    /** The data sets to choose from: the catalog's, then the user's own ones read in this session. */
    private final ObservableList<String> datasetChoices;
    private RunSettings current;
    /** The last settings that could be used: the split note keeps describing them while a field is invalid. */
    private RunSettings lastValid;
    /**
     * The form's settings when every field reads, also when they do not go together (a refused preset): the data
     * set and sample counts they name are what the split note describes; null while a field is invalid.
     */
    private RunSettings readable;
    private boolean updating;

    /**
     * @param changed called after every change of a setting (on the UI thread)
     */
    public SettingsForm(DataCatalog catalog, RunSettings initial, Runnable changed) {
        this.catalog = catalog;
        this.changed = changed;
        this.datasetChoices = FXCollections.observableArrayList(catalog.datasetNames());
        for (Setting<?> setting : SettingsTable.all()) {
            ValidatedField<?> field = fieldFor(setting, initial);
            fields.put(setting, field);
            followsDefault.put(setting, false);
            field.textProperty().addListener((obs, old, now) -> edited(setting));
        }
        fill(initial);
    }

    private static <T> ValidatedField<T> fieldFor(Setting<T> setting, RunSettings initial) {
        return new ValidatedField<>(setting.label(), setting.format(initial.get(setting)), setting::parse);
    }

    /** Shows {@code loaded} in the form. */
    public void fill(RunSettings loaded) {
        updating = true;
        for (Setting<?> setting : SettingsTable.all()) {
            Object value = loaded.get(setting);
            fields.get(setting).textProperty().set(setting.format(value));
            followsDefault.put(setting, value.equals(setting.defaultFor(loaded)));
        }
        updating = false;
        revalidate();
    }

    private void edited(Setting<?> setting) {
        if (!updating) {
            followsDefault.put(setting, false);
            revalidate();
        }
    }

    private void revalidate() {
        String first = "";
        Setting<?> wrong = null;
        RunSettings built = null;
        for (Map.Entry<Setting<?>, ValidatedField<?>> entry : fields.entrySet()) {
            if (!entry.getValue().isValid()) {
                first = entry.getValue().errorProperty().get();
                wrong = entry.getKey();
                break;
            }
        }
        readable = null;
        if (first.isEmpty()) {
            built = build();
            followDefaults(built);
            readable = built;
            RunSettings candidate = built;
            Optional<SettingsProblem> problem = infoOf(candidate.dataset()).flatMap(info -> RunFactory.settingsProblem(
                    candidate, info.named(fileName(info.name())), messageNames()));
            if (problem.isPresent()) {
                first = problem.get().message();
                wrong = problem.get().setting();
                built = null;
            }
        }
        current = built;
        if (built != null) {
            lastValid = built;
        }
        invalid.set(wrong);
        error.set(first);
        changed.run();
    }

    /** The form's values; fields that follow their default are left to it. */
    private RunSettings build() {
        RunSettings settings = RunSettings.defaults();
        for (Map.Entry<Setting<?>, ValidatedField<?>> entry : fields.entrySet()) {
            if (!followsDefault.get(entry.getKey())) {
                settings = settings.withText(entry.getKey(), entry.getValue().textProperty().get());
            }
        }
        return settings;
    }

    /** Writes the current default into every field that follows it (e.g. weight decay after the optimiser). */
    private void followDefaults(RunSettings settings) {
        updating = true;
        for (Setting<?> setting : SettingsTable.all()) {
            if (followsDefault.get(setting)) {
                fields.get(setting).textProperty().set(setting.format(settings.get(setting)));
            }
        }
        updating = false;
    }

    /** The settings the form describes, or null when something is invalid ({@link #errorProperty()} says what). */
    public RunSettings settings() {
        return current;
    }

    /** The field of {@code setting}. */
    public ValidatedField<?> field(Setting<?> setting) {
        return fields.get(setting);
    }

    /** The fields, in table order. */
    public List<ValidatedField<?>> fields() {
        return new ArrayList<>(fields.values());
    }

    /**
     * The values a choice setting allows (presets, optimisers, …), or empty for a typed value; for the data set, the
     * built-in and downloadable sets and the user's own data sets opened in this session (their paths), a list that
     * grows as data sets are opened.
     */
    public ObservableList<String> choices(Setting<?> setting) {
        if (setting == SettingsTable.DATASET) {
            return FXCollections.unmodifiableObservableList(datasetChoices);
        }
        return FXCollections.observableArrayList(setting.domain() instanceof SettingDomain.Choice choice
                ? choice.choices() : List.of());
    }

    /**
     * How messages name the settings: as the form labels them, the user's own data set by its file name (a path said
     * three times made a refusal too long to read beside the buttons).
     */
    private SettingNames messageNames() {
        return new SettingNames() {
            @Override
            public String of(Setting<?> setting) {
                return SettingNames.FORM.of(setting);
            }

            @Override
            public String of(Setting<?> setting, RunSettings settings) {
                return setting == SettingsTable.DATASET ? of(setting) + " " + fileName(settings.dataset())
                        : SettingNames.super.of(setting, settings);
            }
        };
    }

    /** An own data set's file name (its value is the path); any other data set's name as it is. */
    private String fileName(String dataset) {
        if (!ownData.containsKey(dataset)) {
            return dataset;
        }
        java.nio.file.Path file = java.nio.file.Path.of(dataset).getFileName();
        return file == null ? dataset : file.toString();
    }

    /**
     * How the form shows a choice: the user's own data set by its file name, "points.csv (own)" (its value is the
     * path, which the run's legend gives), a name longer than {@value #SHOWN_FILE_NAME} characters shortened in the
     * middle ("two-rings…oints.csv (own)"), so that the data set box stays beside its label; anything else as it is.
     */
    public String shownName(String value) {
        return value == null || !ownData.containsKey(value) ? value : shortName(value) + " (own)";
    }

    /**
     * An own data set's file name, one longer than {@value #SHOWN_FILE_NAME} characters shortened in the middle
     * ("two-rings…oints.csv"); any other data set's name as it is.
     */
    private String shortName(String dataset) {
        String name = fileName(dataset);
        if (ownData.containsKey(dataset) && name.length() > SHOWN_FILE_NAME) {
            int end = SHOWN_FILE_NAME / 2;
            name = name.substring(0, SHOWN_FILE_NAME - end - 1) + "…" + name.substring(name.length() - end);
        }
        return name;
    }

    /**
     * What the described run trains and tests on, e.g. "Trains on 6 000 of 12 000 glyphs samples; tests on
     * 1 000 of 2 000 at each epoch's end (on a subset in between)."; for the data set in the form also when the
     * settings do not go together (a preset refused for it); while a field is invalid, what the last valid
     * settings used (the note keeps its lines, so that the buttons under it do not move as the user types; the red
     * field and the message under the buttons say what is wrong); empty when the data set is a path not read yet.
     */
    public String split() {
        RunSettings described = readable != null ? readable : lastValid;
        Optional<DatasetInfo> known = described == null ? Optional.empty() : infoOf(described.dataset());
        if (known.isEmpty()) {
            return "";
        }
        DatasetInfo info = known.get();
        int train = RunFactory.count(described.trainSamples(), info.trainSize());
        int test = RunFactory.count(described.testSamples(), info.testSize());
        return splitText(of(train, info.trainSize()), shortName(info.name()), of(test, info.testSize()));
    }

    /**
     * The longest {@link #split()} usually is, the room its note keeps whatever it says (so that the rows and
     * buttons under it stay put when another data set is chosen): a part of the largest built-in sets' samples
     * (60 000 and 10 000) of a data set with the longest name shown (an own file name shortened to
     * {@value #SHOWN_FILE_NAME} characters, or the longest built-in name).
     */
    public String splitReference() {
        String name = "x".repeat(SHOWN_FILE_NAME);
        for (String builtIn : catalog.datasetNames()) {
            name = builtIn.length() > name.length() ? builtIn : name;
        }
        return splitText(of(50_000, 60_000), name, of(9_000, 10_000));
    }

    private static String splitText(String train, String dataset, String test) {
        return "Trains on " + train + " " + dataset + " samples; tests on " + test
                + " at each epoch's end (on a subset in between).";
    }

    /**
     * What is known about {@code dataset} without loading it: the catalog's, or what reading the user's own data
     * gave ({@link #knowOwnData}); empty for a path not read yet.
     */
    private Optional<DatasetInfo> infoOf(String dataset) {
        if (catalog.datasetNames().contains(dataset)) {
            return Optional.of(catalog.info(dataset));
        }
        return Optional.ofNullable(ownData.get(dataset));
    }

    /**
     * Remembers what the user's own data set is (read when it was opened), so that the form checks a preset and
     * the other settings against it as against a built-in one, and says what a run trains on.
     */
    public void knowOwnData(DatasetInfo info) {
        ownData.put(info.name(), info);
        if (!datasetChoices.contains(info.name())) {
            datasetChoices.add(info.name());
        }
        revalidate();
    }

    private static String of(int used, int all) {
        return used == all ? "all " + grouped(all) : grouped(used) + " of " + grouped(all);
    }

    /** {@code 12000} as {@code "12 000"}. */
    static String grouped(int value) {
        return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', ' ');
    }

    /** The first thing wrong with the settings, or empty when they can be used. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The setting {@link #errorProperty()} tells the user to change, marked in red on the form: a value that does not
     * parse, or the one setting of a combination that does not fit the data (the preset, T, the encoder or the batch
     * size); null when the settings can be used.
     */
    public ReadOnlyObjectProperty<Setting<?>> invalidSettingProperty() {
        return invalid.getReadOnlyProperty();
    }
}
