package dev.ataemu.core.feature;

import java.util.Optional;

/**
 * What the per-call codes said for the call being dialed: caller ID sent or withheld (*82 / *67),
 * call waiting on or off (*71 / *70); empty leaves the port's setting in force.
 */
public record PerCallFeatures(Optional<Boolean> sendCallerId, Optional<Boolean> callWaiting) {

    public static final PerCallFeatures NONE = new PerCallFeatures(Optional.empty(), Optional.empty());

    /** The same with one more per-call code applied. */
    public PerCallFeatures with(StarCode code) {
        return switch (code) {
            case BLOCK_CALLER_ID_THIS_CALL -> new PerCallFeatures(Optional.of(false), callWaiting);
            case SEND_CALLER_ID_THIS_CALL -> new PerCallFeatures(Optional.of(true), callWaiting);
            case DISABLE_CALL_WAITING_THIS_CALL -> new PerCallFeatures(sendCallerId, Optional.of(false));
            case ENABLE_CALL_WAITING_THIS_CALL -> new PerCallFeatures(sendCallerId, Optional.of(true));
            default -> this;
        };
    }
}
