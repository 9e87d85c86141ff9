package dev.ataemu.core.media;

import java.util.Optional;

/** How keys pressed in a call reach the far end (P850-P852 / P860-P862 hold the codes). */
public enum DtmfMethod {
    /** The key's tone stays in the voice audio. */
    IN_AUDIO(100),
    /** RFC 2833 / 4733 telephone-events in the RTP stream. */
    RFC2833(101),
    /** SIP INFO with an {@code application/dtmf-relay} body. */
    SIP_INFO(102);

    private final int code;

    DtmfMethod(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<DtmfMethod> ofCode(int code) {
        for (DtmfMethod method : values()) {
            if (method.code == code) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
