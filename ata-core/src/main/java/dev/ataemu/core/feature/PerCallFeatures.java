package dev.ataemu.core.feature;

import java.util.Optional;

/**
 * What the per-call codes said for the call being dialed: caller ID sent or withheld (*82 / *67),
 * call waiting on or off (*71 / *70), the one vocoder to offer (*02, a "Preferred Vocoder" code),
 * a paging call (*74), the line echo canceller off (*03); empty leaves the port's setting in force.
 */
public record PerCallFeatures(Optional<Boolean> sendCallerId, Optional<Boolean> callWaiting, Optional<Integer> vocoder,
        boolean paging, boolean echoCancellerOff) {

    public static final PerCallFeatures NONE =
            new PerCallFeatures(Optional.empty(), Optional.empty(), Optional.empty(), false, false);

    /** The same, offering only {@code vocoderCode} on this call. */
    public PerCallFeatures withVocoder(int vocoderCode) {
        return new PerCallFeatures(sendCallerId, callWaiting, Optional.of(vocoderCode), paging, echoCancellerOff);
    }

    /** The same with one more per-call code applied. */
    public PerCallFeatures with(StarCode code) {
        return switch (code) {
            case BLOCK_CALLER_ID_THIS_CALL ->
                new PerCallFeatures(Optional.of(false), callWaiting, vocoder, paging, echoCancellerOff);
            case SEND_CALLER_ID_THIS_CALL ->
                new PerCallFeatures(Optional.of(true), callWaiting, vocoder, paging, echoCancellerOff);
            case DISABLE_CALL_WAITING_THIS_CALL ->
                new PerCallFeatures(sendCallerId, Optional.of(false), vocoder, paging, echoCancellerOff);
            case ENABLE_CALL_WAITING_THIS_CALL ->
                new PerCallFeatures(sendCallerId, Optional.of(true), vocoder, paging, echoCancellerOff);
            case PAGING -> new PerCallFeatures(sendCallerId, callWaiting, vocoder, true, echoCancellerOff);
            case ECHO_CANCELLER_OFF_THIS_CALL -> new PerCallFeatures(sendCallerId, callWaiting, vocoder, paging, true);
            default -> this;
        };
    }
}
