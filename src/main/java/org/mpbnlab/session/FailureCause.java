package org.mpbnlab.session;

/**
 * What a failed run could not use, so that the app can say what to do about it: its data set (a file of the user's
 * that cannot be read, a download that did not come), the model file it was to start from, or anything else (the
 * settings, the engine).
 */
public enum FailureCause {
    DATA_SET,
    MODEL_FILE,
    OTHER
}
