package dev.ataemu.media.events;

import dev.ataemu.media.dtmf.DtmfDigit;
import java.util.Optional;

/**
 * One RFC 4733 (formerly RFC 2833) telephone-event payload, section 2.3:
 * event (8 bits), E end bit, R reserved bit, volume (6 bits, -dBm0), duration (16 bits, RTP units).
 * The reserved bit is sent as zero and ignored on receipt, as the RFC asks, so it is not kept.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int LENGTH = 4;
    /** RFC 4733 section 3.2: 0-9, then * 10, # 11, A-D 12-15, flash 16. */
    public static final int STAR = 10;
    public static final int HASH = 11;
    public static final int FLASH = 16;
    /** The largest duration the 16-bit field holds; longer events go out in segments. */
    public static final int MAX_DURATION = 0xFFFF;

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > MAX_DURATION) {
            throw new IllegalArgumentException("event " + event + ", volume " + volume + ", duration " + duration
                    + " do not fit RFC 4733's fields (8, 6 and 16 bits)");
        }
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** Reads a payload; a telephone-event payload is exactly four bytes. */
    public static TelephoneEvent decode(byte[] payload, int offset, int length) {
        if (length != LENGTH || offset < 0 || offset + length > payload.length) {
            throw new IllegalArgumentException("a telephone-event payload is " + LENGTH + " bytes, not " + length);
        }
        int flags = payload[offset + 1] & 0xFF;
        int duration = (payload[offset + 2] & 0xFF) << 8 | payload[offset + 3] & 0xFF;
        return new TelephoneEvent(payload[offset] & 0xFF, (flags & 0x80) != 0, flags & 0x3F, duration);
    }

    public static TelephoneEvent decode(byte[] payload) {
        return decode(payload, 0, payload.length);
    }

    public static int codeOf(DtmfDigit digit) {
        return switch (digit.symbol()) {
            case '*' -> STAR;
            case '#' -> HASH;
            case 'A', 'B', 'C', 'D' -> 12 + digit.symbol() - 'A';
            default -> digit.symbol() - '0';
        };
    }

    /** The DTMF key an event code stands for, if it is one of 0-15. */
    public static Optional<DtmfDigit> digitOf(int event) {
        if (event < 0 || event > 15) {
            return Optional.empty();
        }
        return Optional.of(DtmfDigit.of("0123456789*#ABCD".charAt(event)));
    }
}
