package org.mpbnlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** A real dataset read from its publisher's files, found locally or downloaded on demand. */
public interface RemoteDataset {

    /** Registry name, e.g. {@code "mnist"}. */
    String name();

    String description();

    List<String> classNames();

    int[] sampleShape();

    int trainSize();

    int testSize();

    /** The publisher's folder URL; a file's URL is this plus its name. */
    URI canonicalBase();

    /** The files to download, with their pinned sizes and checksums. */
    List<RemoteFile> downloads();

    /** The files that must be present in a folder to load the dataset (what the user must provide). */
    List<String> requiredFiles();

    /** Folders searched after the user's and the cache folder, e.g. a system package's folder. */
    List<Path> systemFolders();

    /** True when {@code folder} holds everything {@link #load} needs. */
    boolean isComplete(Path folder);

    /** Turns downloaded files into the required ones (e.g. unpacks an archive); may do nothing. */
    void unpack(Path cacheFolder);

    /** Reads and validates the files in {@code folder}. */
    Dataset load(Path folder);

    /** Total bytes to download. */
    default long downloadBytes() {
        return downloads().stream().mapToLong(RemoteFile::size).sum();
    }
}
