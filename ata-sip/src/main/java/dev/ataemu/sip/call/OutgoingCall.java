package dev.ataemu.sip.call;

/** A call the account places; its events arrive on the device's scheduler. */
public interface OutgoingCall extends EstablishedCall {

    /** What the firmware hears about a call it placed. */
    interface Listener {
        /** 180/183: the far end rings. */
        void ringing();

        /** 180/183 with SDP: the far end's early media (ring-back, announcements) comes with this answer. */
        default void earlyMedia(String sdp) {
            ringing();
        }

        /** 200 OK with the far end's SDP answer. */
        void answered(String sdp);

        /** A final failure: busy (486), not found (404), no answer... */
        void failed(int status, String reason);

        /** The far end hung up (BYE) after the answer. */
        void ended();

        /** A re-INVITE of the answered call: our SDP for its offer ("" when none), or empty to refuse it. */
        default java.util.Optional<String> reoffered(String offer) {
            return java.util.Optional.empty();
        }

        /** The far end transfers the call (REFER); the default declines. */
        default Referrals.Handler transfers() {
            return null;
        }

        /** The far end relayed a key by SIP INFO. */
        default void key(char key) {
        }
    }
}
