package org.mpbnlab.train.settings;

/**
 * Why settings cannot train together, and the one setting to change: e.g. the preset, when it does not take the data
 * set's samples (the app marks that field in red; the command line names its option in the message).
 *
 * @param setting the setting the message tells the user to change
 * @param message what is wrong and what to use instead, in the user's words
 */
public record SettingsProblem(Setting<?> setting, String message) {
}
