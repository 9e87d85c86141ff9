package dev.ataemu.sip.call;

/**
 * What the firmware can do with an answered call, whichever side placed it: hang up, relay keys,
 * offer new media (hold and resume), and transfer the far end elsewhere (REFER).
 */
public interface EstablishedCall {

    /** Ends the call: CANCEL or a final answer while it is not yet answered, BYE once it is. */
    void hangUp();

    /** Sends a key press of the answered call as SIP INFO ({@link DtmfRelay#FLASH} for a flash). */
    void sendKey(char key, int durationMs);

    /**
     * Sends a re-INVITE with our new offer {@code sdp} (hold, resume). One at a time: an offer made
     * while another is under way goes once that one is answered.
     */
    void reoffer(String sdp, ReofferListener listener);

    /**
     * Asks the far end to call {@code referTo} (RFC 3515): a full name-addr value such as
     * {@code <sip:1003@pbx>} or, for an attended transfer, one whose URI carries {@code ?Replaces=}.
     */
    void refer(String referTo, Referring.Listener listener);

    /** This call's dialog as the far end must name it in a Replaces header (RFC 3891). */
    String replaces();

    /** The far end's address of record: To of a call we placed, From of one we answered. */
    String remoteUri();

    /** The far end's Contact (its remote target), or its address of record when it gave none. */
    String remoteTarget();

    /** How a re-INVITE we sent was answered. */
    interface ReofferListener {
        /** 2xx with the far end's answer (already ACKed). */
        void answered(String sdp);

        /** Any other final answer, or none (408). The call goes on as it was. */
        void failed(int status);
    }
}
