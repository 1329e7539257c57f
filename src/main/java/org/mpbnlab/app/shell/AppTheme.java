package org.mpbnlab.app.shell;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mpbnlab.app.charts.ChartTheme;

/**
 * The app's themes: stylesheets from {@code assets/themes/} (normal.css is the base, the others are
 * applied on top of it) and the matching chart theme.
 */
public enum AppTheme {

    NORMAL("normal", "Normal", ChartTheme.DESK, "normal.css"),
    CLASSROOM("classroom", "Classroom (large fonts)", ChartTheme.CLASSROOM, "normal.css", "classroom.css"),
    HIGH_CONTRAST("high-contrast", "High contrast", ChartTheme.HIGH_CONTRAST, "normal.css", "high-contrast.css");

    /** Where the stylesheets are on the class path (the build copies {@code assets/} there). */
    static final String FOLDER = "/org/mpbnlab/assets/themes/";

    private final String id;
    private final String label;
    private final ChartTheme charts;
    private final List<String> stylesheetNames;

    AppTheme(String id, String label, ChartTheme charts, String... stylesheetNames) {
        this.id = id;
        this.label = label;
        this.charts = charts;
        this.stylesheetNames = List.of(stylesheetNames);
    }

    /** The name used by {@code --theme}, e.g. {@code high-contrast}. */
    public String id() {
        return id;
    }

    /** The name in the View menu. */
    public String label() {
        return label;
    }

    public ChartTheme charts() {
        return charts;
    }

    /** The stylesheets' URLs in the order the scene applies them. */
    public List<String> stylesheets() {
        List<String> urls = new ArrayList<>();
        for (String name : stylesheetNames) {
            URL url = AppTheme.class.getResource(FOLDER + name);
            if (url == null) {
                throw new IllegalStateException("The theme stylesheet " + name + " is missing from the build "
                        + "(it belongs in assets/themes/).");
            }
            urls.add(url.toExternalForm());
        }
        return urls;
    }

    /** The theme called {@code id} (as {@code --theme} takes it, any letter case). */
    public static AppTheme named(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(t -> t.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no theme '" + id + "': use "
                        + choices() + "."));
    }

    /** The theme names, for messages: {@code normal, classroom or high-contrast}. */
    public static String choices() {
        List<String> ids = Stream.of(values()).map(AppTheme::id).toList();
        return ids.subList(0, ids.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + ids.get(ids.size() - 1);
    }
}
