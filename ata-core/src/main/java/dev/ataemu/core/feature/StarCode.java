package dev.ataemu.core.feature;

import java.util.Arrays;
import java.util.Optional;

/**
 * The call-feature codes the device handles itself, ahead of the dial plan (DP-19), when "Enable
 * Call Features" (P191 / P751) is Yes. A lasting code changes a setting for every later call and
 * is confirmed at once; a per-call code only changes the call dialed right after it, with no dial
 * tone in between; a forward code takes the number that follows it, ended by {@code #} or the
 * no-key-entry timeout, and is confirmed then.
 */
public enum StarCode {
    /** Block caller ID on every later call: "Send Anonymous" Yes. */
    BLOCK_CALLER_ID("*30", Kind.LASTING),
    /** Send caller ID on every later call. */
    SEND_CALLER_ID("*31", Kind.LASTING),
    /** Call waiting off for every later call: "Disable Call-Waiting" Yes. */
    DISABLE_CALL_WAITING("*50", Kind.LASTING),
    /** Call waiting on for every later call. */
    ENABLE_CALL_WAITING("*51", Kind.LASTING),
    /** Block caller ID on this call only. */
    BLOCK_CALLER_ID_THIS_CALL("*67", Kind.PER_CALL),
    /** Send caller ID on this call only, whatever *30 said. */
    SEND_CALLER_ID_THIS_CALL("*82", Kind.PER_CALL),
    /** No call waiting during this call. */
    DISABLE_CALL_WAITING_THIS_CALL("*70", Kind.PER_CALL),
    /** Call waiting during this call. */
    ENABLE_CALL_WAITING_THIS_CALL("*71", Kind.PER_CALL),
    /** Do not disturb: every incoming call is refused (486) without ringing. */
    DND_ON("*78", Kind.LASTING),
    DND_OFF("*79", Kind.LASTING),
    /** Every incoming call goes on to the number that follows (302). */
    FORWARD_ALL("*72", Kind.TARGET),
    CANCEL_FORWARD_ALL("*73", Kind.LASTING),
    /** Incoming calls the port would refuse as busy go on to the number that follows. */
    FORWARD_BUSY("*90", Kind.TARGET),
    CANCEL_FORWARD_BUSY("*91", Kind.LASTING),
    /** Incoming calls unanswered after "Delayed Call Forward Wait Time" (P139) go on to the number that follows. */
    FORWARD_NO_ANSWER("*92", Kind.TARGET),
    CANCEL_FORWARD_NO_ANSWER("*93", Kind.LASTING),
    /** A direct IP call: the star-encoded address follows, without the account's server (CALL-09). */
    DIRECT_IP_CALL("*47", Kind.TARGET),
    /** Blind transfer: after a flash, the held call's far end is sent to the number that follows (CALL-17). */
    BLIND_TRANSFER("*87", Kind.TARGET),
    /** Call return: calls the last caller whose number came with the call (STAR-14). */
    CALL_RETURN("*69", Kind.ACTION),
    /** HT813: SRTP on for later calls, "SRTP Mode" enabled but not forced (STAR-05). */
    SRTP_ON("*16", Kind.LASTING, "HT813"),
    /** HT813: SRTP off for later calls (STAR-06). */
    SRTP_OFF("*17", Kind.LASTING, "HT813"),
    /** HT813: the codec for this call only, keyed right after it (*027110 PCMU ...), then the number (STAR-03). */
    CODEC_THIS_CALL("*02", Kind.CODEC, "HT813"),
    /** HT813: the line echo canceller off for this call, the number right after it (STAR-04). */
    ECHO_CANCELLER_OFF_THIS_CALL("*03", Kind.PER_CALL, "HT813"),
    /** HT813: a paging call, asking the far end to answer by itself (STAR-19). */
    PAGING("*74", Kind.PER_CALL, "HT813");

    /** How a code takes effect. */
    public enum Kind {
        /** Stored at once and confirmed. */
        LASTING,
        /** For the call dialed right after it. */
        PER_CALL,
        /** Stored with the number dialed after it, then confirmed. */
        TARGET,
        /** Acts at once. */
        ACTION,
        /** A codec code follows, then the number of the call it is for. */
        CODEC
    }

    private final String code;
    private final Kind kind;
    private final String onlyModel;

    StarCode(String code, Kind kind) {
        this(code, kind, "");
    }

    StarCode(String code, Kind kind, String onlyModel) {
        this.code = code;
        this.kind = kind;
        this.onlyModel = onlyModel;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The code these keys spell exactly on {@code model}. */
    public static Optional<StarCode> of(String keys, String model) {
        return Arrays.stream(values()).filter(c -> c.code.equals(keys) && c.on(model)).findFirst();
    }

    /** Whether these keys are the start of a code of {@code model}, so that the dial plan may not refuse them yet. */
    public static boolean startsCode(String keys, String model) {
        return keys.length() < 3 && Arrays.stream(values()).anyMatch(c -> c.code.startsWith(keys) && c.on(model));
    }

    private boolean on(String model) {
        return onlyModel.isEmpty() || onlyModel.equals(model);
    }
}
