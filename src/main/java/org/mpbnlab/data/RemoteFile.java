package org.mpbnlab.data;

/**
 * A file of a dataset as its publisher serves it.
 *
 * @param fileName file name, also the last part of its URL
 * @param size     size in bytes, or −1 when not pinned
 * @param sha256   lower-case hex SHA-256, or {@code null} when not pinned
 */
public record RemoteFile(String fileName, long size, String sha256) {
}
