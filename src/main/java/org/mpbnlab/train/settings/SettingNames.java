package org.mpbnlab.train.settings;

/** How messages name a setting: as a command-line option or as the app's form labels it. */
@FunctionalInterface
public interface SettingNames {

    /** {@code --timesteps} */
    SettingNames COMMAND_LINE = Setting::option;
    /** {@code T} */
    SettingNames FORM = Setting::label;

    String of(Setting<?> setting);

    /** The setting with its value, e.g. {@code --arch mlp-2d} or {@code preset mlp-2d}. */
    default String of(Setting<?> setting, RunSettings settings) {
        return of(setting) + " " + setting.format(settings.get(setting));
    }
}
