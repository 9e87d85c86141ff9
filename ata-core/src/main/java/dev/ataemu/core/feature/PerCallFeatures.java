package dev.ataemu.core.feature;

import java.util.Optional;

/**
 * What the per-call codes said for the call being dialed: caller ID sent or withheld (*82 / *67),
 * call waiting on or off (*71 / *70), the one vocoder to offer (*02, a "Preferred Vocoder" code),
 * a paging call (*74); empty leaves the port's setting in force.
 */
public record PerCallFeatures(Optional<Boolean> sendCallerId, Optional<Boolean> callWaiting, Optional<Integer> vocoder,
        boolean paging) {

    public static final PerCallFeatures NONE =
            new PerCallFeatures(Optional.empty(), Optional.empty(), Optional.empty(), false);

    /** The same, offering only {@code vocoderCode} on this call. */
    public PerCallFeatures withVocoder(int vocoderCode) {
        return new PerCallFeatures(sendCallerId, callWaiting, Optional.of(vocoderCode), paging);
    }

    /** The same with one more per-call code applied. */
    public PerCallFeatures with(StarCode code) {
        return switch (code) {
            case BLOCK_CALLER_ID_THIS_CALL -> new PerCallFeatures(Optional.of(false), callWaiting, vocoder, paging);
            case SEND_CALLER_ID_THIS_CALL -> new PerCallFeatures(Optional.of(true), callWaiting, vocoder, paging);
            case DISABLE_CALL_WAITING_THIS_CALL -> new PerCallFeatures(sendCallerId, Optional.of(false), vocoder, paging);
            case ENABLE_CALL_WAITING_THIS_CALL -> new PerCallFeatures(sendCallerId, Optional.of(true), vocoder, paging);
            case PAGING -> new PerCallFeatures(sendCallerId, callWaiting, vocoder, true);
            default -> this;
        };
    }
}
