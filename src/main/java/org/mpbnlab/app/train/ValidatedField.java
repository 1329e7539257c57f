package org.mpbnlab.app.train;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A typed setting entered as text: parsed as the user types. A value that does not parse is never
 * accepted: {@link #valueProperty()} keeps the last valid value and {@link #errorProperty()} says what
 * is wrong (empty when the text is valid).
 *
 * @param <T> the parsed type
 */
public final class ValidatedField<T> {

    private final String name;
    private final Function<String, T> parser;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param name   the setting's name, used in messages
     * @param parser turns text into a value or throws IllegalArgumentException with the reason
     */
    public ValidatedField(String name, String initial, Function<String, T> parser) {
        this.name = name;
        this.parser = parser;
        text.addListener((obs, old, now) -> validate(now));
        text.set(initial);
        if (!isValid()) {
            throw new IllegalArgumentException("initial value of " + name + " is invalid: " + error.get());
        }
    }

    private void validate(String input) {
        try {
            value.set(parser.apply(input == null ? "" : input.trim()));
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(name + ": " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The last valid value. */
    public ReadOnlyObjectProperty<T> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public T value() {
        return value.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }
}
