package org.mpbnlab.train.settings;

import java.util.Objects;
import java.util.function.Function;

/**
 * One row of the {@link SettingsTable}: a run setting with its name, default, allowed values, unit and
 * help. The command line's options, the app's settings form and the model file are all made from these
 * rows, so they agree on names, limits and meaning.
 *
 * @param <T> the value's type (Integer, Long, Double, Boolean or String)
 */
public final class Setting<T> {

    /** Where a setting belongs; the form groups its fields by it. */
    public enum Group {
        DATA("Data"), NETWORK("Network"), TRAINING("Training");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * What changing the setting means for a run that already has weights. A run is never changed while it
     * trains: a different setting always makes a new run; the question is which weights it starts from.
     */
    public enum Change {
        /** How the network is trained or fed: the new run starts from the same weights as the current one. */
        KEEPS_WEIGHTS,
        /** What the network is (its shape, neurons, or the seed of its weights): the new run starts from random weights. */
        NEW_WEIGHTS
    }

    private final String name;
    private final String label;
    private final Group group;
    private final Class<T> type;
    private final SettingDomain<T> domain;
    private final Function<RunSettings, T> defaultRule;
    private final String defaultText;
    private final String unit;
    private final String help;
    private final Change change;

    Setting(String name, String label, Group group, Class<T> type, SettingDomain<T> domain,
            Function<RunSettings, T> defaultRule, String defaultText, String unit, String help, Change change) {
        this.name = Objects.requireNonNull(name);
        this.label = Objects.requireNonNull(label);
        this.group = Objects.requireNonNull(group);
        this.type = Objects.requireNonNull(type);
        this.domain = Objects.requireNonNull(domain);
        this.defaultRule = Objects.requireNonNull(defaultRule);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.unit = Objects.requireNonNull(unit);
        this.help = Objects.requireNonNull(help);
        this.change = Objects.requireNonNull(change);
    }

    /** The name in files and on the command line ({@code --name}), e.g. {@code timesteps}. */
    public String name() {
        return name;
    }

    /** The command-line option, e.g. {@code --timesteps}. */
    public String option() {
        return "--" + name;
    }

    /** The short label of the app's form, e.g. {@code T}. */
    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    public Class<T> type() {
        return type;
    }

    public SettingDomain<T> domain() {
        return domain;
    }

    /** The default when the user gives none; it may depend on other settings (weight decay on the optimiser). */
    public T defaultFor(RunSettings others) {
        return defaultRule.apply(others);
    }

    /** The default in words, e.g. {@code "4"} or {@code "5e-4 for sgd, 0 for adam"}. */
    public String defaultText() {
        return defaultText;
    }

    /** Unit of the value, e.g. {@code "samples"}; empty when it has none. */
    public String unit() {
        return unit;
    }

    /** One sentence on what the setting does. */
    public String help() {
        return help;
    }

    public Change change() {
        return change;
    }

    /** The full explanation: help, allowed values with unit, default; the CLI's help and the form's tooltip. */
    public String description() {
        String range = domain.allowed() + (unit.isEmpty() ? "" : " " + unit);
        return help + " Allowed: " + range + "; default " + defaultText + ".";
    }

    /** {@code text} read as this setting's value; the message names what is allowed. */
    public T parse(String text) {
        return domain.parse(text == null ? "" : text);
    }

    /** A value of this setting as text ({@link #parse} reads it back). */
    public String format(Object value) {
        return domain.format(type.cast(value));
    }

    /** {@code value} checked against the domain; the message names what is allowed. */
    T checked(Object value) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("must be a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + ", got '" + value + "'");
        }
        T typed = type.cast(value);
        domain.check(typed);
        return typed;
    }

    @Override
    public String toString() {
        return name;
    }
}
