package dev.ataemu.sip.account;

/**
 * What an account checks of the requests that reach it.
 *
 * @param fromProxyOnly    accept requests only from the account's servers (P243 / P743, P4043 on the HT502's port 2)
 * @param checkUserId      refuse an INVITE whose Request-URI user is not the account's user ID (P258 / P449)
 * @param challengeInvites challenge every new INVITE with 401 and the account's credentials (P2346 / P2446)
 * @param challengeControl challenge the provisioning NOTIFYs (check-sync, resync, reboot) the same way,
 *                         unless "Disable SIP NOTIFY Authentication" (P4428)
 */
public record IncomingChecks(boolean fromProxyOnly, boolean checkUserId, boolean challengeInvites,
        boolean challengeControl) {

    public static final IncomingChecks NONE = new IncomingChecks(false, false, false, true);
}
