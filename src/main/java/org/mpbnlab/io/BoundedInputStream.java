package org.mpbnlab.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until {@code limit} of them have been read; the attempt to read one
 * more fails with {@link LimitExceededException}. This, not any size the zip declares, is what
 * stops a zip bomb.
 */
final class BoundedInputStream extends FilterInputStream {
    /** The stream held more bytes than allowed. */
    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The stream this one reads from. */
    InputStream unwrap() {
        return in;
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Ask for at most one byte past the limit: enough to notice the excess, never more.
        long allowed = limit - count + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, allowed));
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping is not supported");
    }

    private void advance(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(limit);
        }
    }
}
