package dev.ataemu.core.provision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** What every download shares: no file bigger than a firmware image could be. */
final class Downloads {

    /** Larger than any image or configuration file these units take. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private Downloads() {
    }

    /** A buffer that refuses to grow past {@link #MAX_BYTES}, for the protocols that stream. */
    static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (bytes.size() + length > MAX_BYTES) {
                throw new IOException("the file is larger than " + MAX_BYTES + " bytes");
            }
            bytes.write(data, offset, length);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
