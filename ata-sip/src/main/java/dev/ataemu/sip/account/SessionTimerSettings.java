package dev.ataemu.sip.account;

/**
 * An account's session timers (RFC 4028), port 1's P-values given (port 2: P434, P427, P428-P433).
 *
 * @param enabled        "Enable Session Timer" (P2395 on the HT813; the HT502 always supports them)
 * @param expiresSeconds the interval asked for (P260)
 * @param minSeSeconds   the shortest interval accepted (P261); a shorter request gets 422
 * @param callerRequests ask for a timer in our INVITEs (P262)
 * @param calleeRequests ask for one in our answers when the caller supports timers but did not ask (P263)
 * @param force          use a timer even when the caller does not support them (P264)
 * @param forceInvite    refresh with re-INVITE even when the peer allows UPDATE (P265)
 * @param uacRefresher   who refreshes, as we ask in our INVITEs: 0 omit, 1 UAC, 2 UAS (P266)
 * @param uasRefresher   who refreshes, as we decide in our answers when the caller left it open: 1 UAC, 2 UAS (P267)
 */
public record SessionTimerSettings(boolean enabled, int expiresSeconds, int minSeSeconds, boolean callerRequests,
        boolean calleeRequests, boolean force, boolean forceInvite, int uacRefresher, int uasRefresher) {

    /** The factory settings: timers supported, 180 s asked by nobody unless the peer asks. */
    public static final SessionTimerSettings DEFAULTS = new SessionTimerSettings(true, 180, 90, false, false, false,
            false, 0, 1);
}
