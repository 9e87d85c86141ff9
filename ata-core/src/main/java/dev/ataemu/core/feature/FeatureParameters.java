package dev.ataemu.core.feature;

import java.util.Map;

/**
 * Where a port's call-feature state lives: the real P-values the codes change ("Send Anonymous",
 * "Disable Call-Waiting", the delayed-forward wait), and the emulator's own numbers for what the
 * real firmware keeps outside its P-values (DND and the forward targets), all from
 * {@link #EMULATOR_ONLY_FROM} up.
 */
public record FeatureParameters(int sendAnonymous, int disableCallWaiting, int doNotDisturb, int forwardAll,
        int forwardBusy, int forwardNoAnswer, int forwardDelay, int srtpMode) {

    /** The first number of the emulator's own P-values, above every number of the real firmware. */
    public static final int EMULATOR_ONLY_FROM = 90000;

    public static final FeatureParameters PORT1 = new FeatureParameters(65, 91, 90001, 90002, 90003, 90004, 139, 183);
    public static final FeatureParameters PORT2 = new FeatureParameters(765, 791, 90101, 90102, 90103, 90104, 470, 443);

    public static FeatureParameters of(int port) {
        return switch (port) {
            case 1 -> PORT1;
            case 2 -> PORT2;
            default -> throw new IllegalArgumentException("no port " + port);
        };
    }

    /** The settings a lasting or forwarding code stores; {@code target} is the number a forward code collected. */
    public Map<String, String> change(StarCode code, String target) {
        return switch (code) {
            case BLOCK_CALLER_ID -> Map.of(p(sendAnonymous), "1");
            case SEND_CALLER_ID -> Map.of(p(sendAnonymous), "0");
            case DISABLE_CALL_WAITING -> Map.of(p(disableCallWaiting), "1");
            case ENABLE_CALL_WAITING -> Map.of(p(disableCallWaiting), "0");
            case DND_ON -> Map.of(p(doNotDisturb), "1");
            case DND_OFF -> Map.of(p(doNotDisturb), "0");
            case FORWARD_ALL -> Map.of(p(forwardAll), target);
            case CANCEL_FORWARD_ALL -> Map.of(p(forwardAll), "");
            case FORWARD_BUSY -> Map.of(p(forwardBusy), target);
            case CANCEL_FORWARD_BUSY -> Map.of(p(forwardBusy), "");
            case FORWARD_NO_ANSWER -> Map.of(p(forwardNoAnswer), target);
            case CANCEL_FORWARD_NO_ANSWER -> Map.of(p(forwardNoAnswer), "");
            // "SRTP Mode" 1 = enabled but not forced: offered, and plain RTP still taken.
            case SRTP_ON -> Map.of(p(srtpMode), "1");
            case SRTP_OFF -> Map.of(p(srtpMode), "0");
            default -> Map.of();
        };
    }

    private static String p(int number) {
        return "P" + number;
    }
}
