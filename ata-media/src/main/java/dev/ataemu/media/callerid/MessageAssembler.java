package dev.ataemu.media.callerid;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts a demodulated octet stream into whole messages. A Bellcore/ETSI message ends where its
 * length octet says; an NTT message two CRC octets after its closing DLE ETX. Octets that cannot
 * start a message (line noise before the data) are dropped one by one.
 */
final class MessageAssembler {

    private static final int DLE = 0x10;
    private static final int ETX = 0x03;
    private static final int MAX_NTT = 300;

    private final Consumer<byte[]> sink;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean ntt;
    private boolean dlePending;
    private int crcOctetsLeft = -1;

    MessageAssembler(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    void reset() {
        buffer.reset();
        dlePending = false;
        crcOctetsLeft = -1;
    }

    void octet(int value) {
        if (buffer.size() == 0) {
            ntt = value == NttMessages.FIRST_OCTET;
            if (!ntt && !CallerIdMessages.isKnownType(value)) {
                return;
            }
        }
        buffer.write(value);
        boolean complete = ntt ? nttComplete(value) : standardComplete();
        if (complete) {
            byte[] message = buffer.toByteArray();
            reset();
            sink.accept(message);
        } else if (ntt && buffer.size() > MAX_NTT) {
            reset();
        }
    }

    private boolean standardComplete() {
        byte[] sofar = buffer.toByteArray();
        return sofar.length >= 2 && sofar.length == (sofar[1] & 0xFF) + 3;
    }

    private boolean nttComplete(int value) {
        if (crcOctetsLeft > 0) {
            return --crcOctetsLeft == 0;
        }
        int character = value & 0x7F;
        if (dlePending) {
            dlePending = false;
            if (character == ETX) {
                crcOctetsLeft = 2;
            }
        } else if (character == DLE) {
            dlePending = true;
        }
        return false;
    }
}
