package org.mpbnlab.data;

/** Receives download progress, on the downloading thread (a UI must hand it over to its own thread). */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = progress -> { };

    void onProgress(DownloadProgress progress);
}
