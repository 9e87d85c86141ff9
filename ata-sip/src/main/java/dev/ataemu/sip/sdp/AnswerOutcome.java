package dev.ataemu.sip.sdp;

/** What {@link AnswerBuilder} made of an offer: an answer for the 200 OK, or a refusal. */
public sealed interface AnswerOutcome {

    /** The answer, with every offered m-line answered (RFC 3264 section 6). */
    SessionDescription answer();

    record Accepted(SessionDescription answer, NegotiatedMedia media) implements AnswerOutcome {
    }

    /**
     * No usable audio stream: respond {@code 488 Not Acceptable Here}, with {@code reason} in a
     * Warning header. The answer shows every m-line refused with port 0, for peers that want one.
     */
    record Rejected(SessionDescription answer, String reason) implements AnswerOutcome {

        public static final int STATUS_CODE = 488;
        public static final String REASON_PHRASE = "Not Acceptable Here";

        public int statusCode() {
            return STATUS_CODE;
        }
    }
}
