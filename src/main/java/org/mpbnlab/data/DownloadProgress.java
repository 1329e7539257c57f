package org.mpbnlab.data;

/**
 * How far a download has come.
 *
 * @param fileName   the file being downloaded
 * @param bytesDone  bytes received so far
 * @param bytesTotal bytes expected in all, or −1 when unknown
 */
public record DownloadProgress(String fileName, long bytesDone, long bytesTotal) {

    /** Fraction done in [0, 1], or −1 when the total is unknown. */
    public double fraction() {
        return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
    }
}
