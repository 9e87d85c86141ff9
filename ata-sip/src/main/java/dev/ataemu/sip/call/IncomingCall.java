package dev.ataemu.sip.call;

import java.util.Optional;

/**
 * An INVITE that reached the account: who calls, their SDP offer, and what the firmware can answer.
 * Its methods run on the device's scheduler.
 */
public interface IncomingCall extends EstablishedCall {

    /** The caller's number: the user part of P-Asserted-Identity when present, else of From. */
    Optional<String> callerNumber();

    /** The caller's display name, from the same header as the number, if any. */
    Optional<String> callerName();

    /** Whether the caller withheld their identity (Privacy: id or header, or an anonymous From, RFC 3323). */
    boolean anonymous();

    /** The user part of the INVITE's Request-URI: the number the caller dialed, if any. */
    Optional<String> calledNumber();

    /** The SDP offer of the INVITE (empty when the caller sent none). */
    String offer();

    /** Tells the caller the phone rings (180 Ringing). */
    void ringing();

    /** Answers with our SDP (200 OK). */
    void answer(String sdp);

    /** Refuses the call: 486 busy, 480 unavailable, 488 not acceptable, 603 decline. */
    void reject(int status);

    /** Sends the caller on to {@code target}, a SIP URI (a call forward: 302 Moved Temporarily naming it). */
    void redirect(String target);

    /** Hears the end of the call from the far side: CANCEL before the answer, BYE after. */
    void onEnded(Runnable ended);

    /** Hears the ACK of our answer: the call is up and media may flow. */
    void onConfirmed(Runnable confirmed);

    /** Answers the re-INVITEs of the answered call (hold, resume, a new address); until set, they get 488. */
    void onReoffer(ReInvites.Handler handler);

    /** Takes the REFERs of the answered call (being transferred); until set, they are declined. */
    void onReferred(Referrals.Handler handler);

    /** Hears the keys the caller relays by SIP INFO. */
    void onKey(java.util.function.Consumer<Character> listener);
}
