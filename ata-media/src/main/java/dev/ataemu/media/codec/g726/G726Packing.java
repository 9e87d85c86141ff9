package dev.ataemu.media.codec.g726;

/** How codewords share the payload's bytes. */
public enum G726Packing {
    /** RFC 3551 section 4.5.4: the first codeword in the least significant bits of the first byte. */
    RFC3551("G726-"),
    /** ITU-T I.366.2 (AAL2): the first codeword in the most significant bits. */
    AAL2("AAL2-G726-");

    private final String namePrefix;

    G726Packing(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    String encodingName(G726Rate rate) {
        return namePrefix + rate.kbps();
    }

    /** Packs {@code count} codewords of {@code bits} bits (count * bits a multiple of 8); returns bytes. */
    int pack(int[] codes, int count, int bits, byte[] out, int offset) {
        int accumulator = 0;
        int filled = 0;
        int written = 0;
        for (int i = 0; i < count; i++) {
            if (this == RFC3551) {
                accumulator |= codes[i] << filled;
            } else {
                accumulator = accumulator << bits | codes[i];
            }
            filled += bits;
            while (filled >= 8) {
                filled -= 8;
                if (this == RFC3551) {
                    out[offset + written++] = (byte) accumulator;
                    accumulator >>>= 8;
                } else {
                    out[offset + written++] = (byte) (accumulator >> filled);
                    accumulator &= (1 << filled) - 1;
                }
            }
        }
        return written;
    }

    /** Unpacks every whole codeword in {@code length} bytes; returns how many. */
    int unpack(byte[] in, int offset, int length, int bits, int[] codes) {
        int mask = (1 << bits) - 1;
        int accumulator = 0;
        int filled = 0;
        int count = 0;
        for (int i = 0; i < length; i++) {
            int octet = in[offset + i] & 0xFF;
            if (this == RFC3551) {
                accumulator |= octet << filled;
            } else {
                accumulator = accumulator << 8 | octet;
            }
            filled += 8;
            while (filled >= bits) {
                filled -= bits;
                if (this == RFC3551) {
                    codes[count++] = accumulator & mask;
                    accumulator >>>= bits;
                } else {
                    codes[count++] = (accumulator >> filled) & mask;
                    accumulator &= (1 << filled) - 1;
                }
            }
        }
        return count;
    }
}
