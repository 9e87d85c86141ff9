package dev.ataemu.core.feature;

import java.util.Arrays;
import java.util.Optional;

/**
 * The codec codes keyed after {@code *02} (HT813, STAR-03): the codec this call offers, as its
 * "Preferred Vocoder" code. G.723.1 and G.729 are listed by the manual but not spoken here, so
 * their codes are refused rather than quietly offering another codec.
 */
public enum CallCodec {
    PCMU("7110", 0),
    PCMA("7111", 8),
    G722("722", 9),
    ILBC("7201", 97),
    G723("723", -1),
    G729("729", -1);

    private final String keys;
    private final int vocoder;

    CallCodec(String keys, int vocoder) {
        this.keys = keys;
        this.vocoder = vocoder;
    }

    /** The "Preferred Vocoder" code to offer; empty for a codec the emulator does not speak. */
    public Optional<Integer> vocoder() {
        return vocoder < 0 ? Optional.empty() : Optional.of(vocoder);
    }

    /** The codec these keys spell. */
    public static Optional<CallCodec> of(String keys) {
        return Arrays.stream(values()).filter(c -> c.keys.equals(keys)).findFirst();
    }

    /** Whether more keys could still spell a codec. */
    public static boolean starts(String keys) {
        return Arrays.stream(values()).anyMatch(c -> c.keys.startsWith(keys) && !c.keys.equals(keys));
    }
}
