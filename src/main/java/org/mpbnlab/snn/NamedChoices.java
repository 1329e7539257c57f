package org.mpbnlab.snn;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Settings chosen by a short name (in files and on the command line): look-up and the list of names. */
public final class NamedChoices {

    private NamedChoices() {
    }

    /** The choice whose name is {@code input} (ignoring case), or a message naming the allowed ones. */
    public static <E> E byId(E[] choices, Function<E, String> name, String input, String what) {
        for (E choice : choices) {
            if (name.apply(choice).equalsIgnoreCase(input)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + input + "' (allowed: "
                + String.join(", ", ids(choices, name)) + ")");
    }

    /** The names of all choices, in order. */
    public static <E> List<String> ids(E[] choices, Function<E, String> name) {
        return Arrays.stream(choices).map(name).toList();
    }
}
