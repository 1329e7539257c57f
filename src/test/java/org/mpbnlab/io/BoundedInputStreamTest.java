package org.mpbnlab.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedInputStreamTest {

    /** An endless stream of zeros that counts how much was taken from it. */
    private static final class EndlessZeros extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            java.util.Arrays.fill(b, off, off + len, (byte) 0);
            return len;
        }
    }

    @Test
    void passesAStreamThatFitsTheLimitUnchanged() throws IOException {
        byte[] data = {1, 2, 3, 4, 5};
        BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(data), 5);
        assertArrayEquals(data, in.readAllBytes());
        assertEquals(5, in.count());
    }

    @Test
    void failsOnTheFirstByteOverTheLimitAndNeverReadsFurther() {
        EndlessZeros bomb = new EndlessZeros();
        BoundedInputStream in = new BoundedInputStream(bomb, 1000);
        assertThrows(BoundedInputStream.LimitExceededException.class, in::readAllBytes);
        assertEquals(1001, bomb.served);
    }

    @Test
    void countsSingleByteReadsToo() throws IOException {
        BoundedInputStream in = new BoundedInputStream(new EndlessZeros(), 2);
        in.read();
        in.read();
        assertThrows(BoundedInputStream.LimitExceededException.class, in::read);
    }
}
