package dev.ataemu.sip.account;

import java.time.Duration;
import java.util.Optional;

/**
 * One SIP account as plain values: who it is, where it registers, how it keeps the registration.
 * {@code ata-core} reads these from the port's P-values (P47 server, P35 user ID, P36 authenticate
 * ID, P34 password, P3 name, P40 local port, P32 expiry, P138 retry wait, P26002 wait after 403...).
 *
 * @param server            the registrar/proxy host, with an optional port (P47)
 * @param outboundProxy     where requests go instead of the server, when set (P48)
 * @param userId            the SIP user ID, the user part of our address (P35)
 * @param authId            the user name for digest authentication; the user ID when empty (P36)
 * @param expires           the registration's requested lifetime (P32, in minutes on the device)
 * @param reRegisterBefore  how long before expiry to refresh; 0 means half the granted lifetime (P2330)
 * @param retryWait         how long to wait after a failed registration (P138)
 * @param retryAfterForbidden how long to wait after a 403; zero stops retrying (P26002)
 * @param failoverServer    where to register when the server does not answer; empty for none (P967)
 * @param preferPrimary     whether to go back to the server once a failover registration expires (P4567)
 * @param t1                the RFC 3261 round-trip estimate T1; a request times out after 64 T1 (P209)
 * @param subscribeMwi      whether to SUBSCRIBE to the account's message-summary once registered (P99)
 * @param checks            what the account checks of incoming requests
 * @param sessionTimer      the session timers (RFC 4028)
 * @param signalling        how the account writes its requests
 * @param keepAlive         NAT keep-alives and OPTIONS keep-alives
 * @param network           DNS, the backup outbound proxy, the NAT address and STUN
 */
public record AccountSettings(
        boolean active,
        boolean register,
        String server,
        Optional<String> outboundProxy,
        String userId,
        String authId,
        String password,
        String displayName,
        String transport,
        int localPort,
        Duration expires,
        Duration reRegisterBefore,
        Duration retryWait,
        Duration retryAfterForbidden,
        String userAgent,
        String failoverServer,
        boolean preferPrimary,
        Duration t1,
        boolean subscribeMwi,
        IncomingChecks checks,
        SessionTimerSettings sessionTimer,
        SignallingOptions signalling,
        KeepAliveSettings keepAlive,
        NetworkSettings network) {

    /** RFC 3261's default T1. */
    public static final Duration DEFAULT_T1 = Duration.ofMillis(500);

    /** An account without a failover server, on the default T1. */
    public AccountSettings(boolean active, boolean register, String server, Optional<String> outboundProxy, String userId,
            String authId, String password, String displayName, String transport, int localPort, Duration expires,
            Duration reRegisterBefore, Duration retryWait, Duration retryAfterForbidden, String userAgent) {
        this(active, register, server, outboundProxy, userId, authId, password, displayName, transport, localPort, expires,
                reRegisterBefore, retryWait, retryAfterForbidden, userAgent, "", false, DEFAULT_T1, false,
                IncomingChecks.NONE, SessionTimerSettings.DEFAULTS, SignallingOptions.DEFAULTS,
                KeepAliveSettings.OFF, NetworkSettings.DEFAULTS);
    }

    public boolean hasFailover() {
        return !failoverServer.isBlank();
    }

    public String authUser() {
        return authId.isEmpty() ? userId : authId;
    }

    /** Whether there is enough to register: an active account with a server and a user ID. */
    public boolean canRegister() {
        return active && register && !server.isBlank() && !userId.isBlank();
    }
}
