package dev.ataemu.core.account;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.sip.account.AccountSettings;
import dev.ataemu.sip.account.IncomingChecks;
import dev.ataemu.sip.account.KeepAliveSettings;
import dev.ataemu.sip.account.NetworkSettings;
import dev.ataemu.sip.dns.DnsMode;
import dev.ataemu.sip.account.SessionTimerSettings;
import dev.ataemu.sip.account.SignallingOptions;
import java.time.Duration;
import java.util.Optional;

/** Reads a port's account P-values into the plain {@link AccountSettings} the SIP layer takes. */
public final class AccountSettingsReader {

    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS"};

    private AccountSettingsReader() {
    }

    public static AccountSettings read(ParameterStore store, int port, String userAgent) {
        return read(store, port, userAgent, java.util.List.of());
    }

    /** @param dnsServers the DNS servers the device uses (see {@link DnsServers}) */
    public static AccountSettings read(ParameterStore store, int port, String userAgent,
            java.util.List<java.net.InetSocketAddress> dnsServers) {
        AccountParameters p = AccountParameters.of(store.catalog().modelId(), port);
        String proxy = text(store, p.outboundProxy());
        return new AccountSettings(
                number(store, p.active(), 1) == 1,
                number(store, p.register(), 1) == 1,
                text(store, p.server()),
                proxy.isBlank() ? Optional.empty() : Optional.of(proxy),
                text(store, p.userId()),
                text(store, p.authId()),
                text(store, p.password()),
                text(store, p.name()),
                TRANSPORTS[Math.min(2, Math.max(0, number(store, p.transport(), 0)))],
                number(store, p.localSipPort(), port == 1 ? 5060 : 5062),
                Duration.ofMinutes(number(store, p.expiresMinutes(), 60)),
                Duration.ofSeconds(number(store, p.reRegisterBefore(), 0)),
                Duration.ofSeconds(number(store, p.retryWait(), 20)),
                Duration.ofSeconds(number(store, p.retryAfterForbidden(), 1200)),
                userAgent,
                text(store, p.failoverServer()),
                number(store, p.preferPrimary(), 0) == 1,
                // P209 counts in hundredths of a second (50 = 0.5 s).
                Duration.ofMillis(10L * number(store, p.sipT1(), 50)),
                number(store, p.subscribeMwi(), 0) == 1,
                new IncomingChecks(number(store, p.fromProxyOnly(), 0) == 1, number(store, p.checkUserId(), 0) == 1,
                        number(store, p.challengeInvites(), 0) == 1,
                        number(store, AccountParameters.DISABLE_NOTIFY_AUTHENTICATION, 0) != 1),
                sessionTimer(store, p.sessionTimer()),
                new SignallingOptions(number(store, p.telUri(), 0), text(store, p.proxyRequire()),
                        number(store, p.unregisterOnReboot(), 0) == 1, number(store, p.reliableProvisional(), 0) == 1),
                new KeepAliveSettings(number(store, p.natTraversal(), 0) != 0,
                        Duration.ofSeconds(number(store, AccountParameters.KEEP_ALIVE_INTERVAL, 20)),
                        number(store, p.optionsKeepAlive(), 0) == 1, Duration.ofSeconds(number(store, p.optionsInterval(), 30)),
                        number(store, p.optionsMaxLost(), 3)),
                network(store, p, dnsServers));
    }

    private static NetworkSettings network(ParameterStore store, AccountParameters p,
            java.util.List<java.net.InetSocketAddress> dnsServers) {
        AccountParameters.NetworkNumbers n = p.network();
        // HT502 "NAT Traversal (STUN)" 1 = Yes; HT813 "NAT Traversal" 1 = STUN: either way 1 asks STUN.
        boolean stun = number(store, p.natTraversal(), 0) == 1;
        return new NetworkSettings(DnsMode.of(number(store, n.dnsMode(), 0)),
                java.util.List.of(text(store, n.primaryIp()), text(store, n.backupIp1()), text(store, n.backupIp2())),
                dnsServers, text(store, n.backupOutboundProxy()), number(store, n.preferPrimaryOutboundProxy(), 0) == 1,
                text(store, n.natAddress()), stun ? text(store, AccountParameters.STUN_SERVER) : "",
                number(store, n.sipsScheme(), 0) == 1, number(store, n.verifyServerChain(), 0) == 1);
    }

    private static SessionTimerSettings sessionTimer(ParameterStore store, AccountParameters.SessionTimerNumbers n) {
        return new SessionTimerSettings(number(store, n.enabled(), 1) == 1, number(store, n.expires(), 180),
                number(store, n.minSe(), 90), number(store, n.callerRequests(), 0) == 1,
                number(store, n.calleeRequests(), 0) == 1, number(store, n.force(), 0) == 1,
                number(store, n.forceInvite(), 0) == 1, number(store, n.uacRefresher(), 0),
                number(store, n.uasRefresher(), 1));
    }

    /** Whether a change touches any of the port's account P-values. */
    public static boolean touches(dev.ataemu.core.config.ChangeSet changes, int port) {
        AccountParameters p = AccountParameters.of(port);
        int[] numbers = {p.active(), p.register(), p.server(), p.outboundProxy(), p.userId(), p.authId(), p.password(),
            p.name(), p.transport(), p.localSipPort(), p.expiresMinutes(), p.reRegisterBefore(), p.retryWait(),
            p.retryAfterForbidden(), p.failoverServer(), p.preferPrimary(), p.sipT1(), p.subscribeMwi(), p.fromProxyOnly(), p.checkUserId(),
            p.challengeInvites(), port == 2 ? AccountParameters.HT502_PORT2.fromProxyOnly() : p.fromProxyOnly(),
            p.sessionTimer().enabled(), p.sessionTimer().expires(), p.sessionTimer().minSe(),
            p.sessionTimer().callerRequests(), p.sessionTimer().calleeRequests(), p.sessionTimer().force(),
            p.sessionTimer().forceInvite(), p.sessionTimer().uacRefresher(), p.sessionTimer().uasRefresher(),
            p.telUri(), p.proxyRequire(), p.unregisterOnReboot(), p.reliableProvisional(), p.natTraversal(),
            AccountParameters.KEEP_ALIVE_INTERVAL, p.optionsKeepAlive(), p.optionsInterval(), p.optionsMaxLost(),
            AccountParameters.DISABLE_NOTIFY_AUTHENTICATION, AccountParameters.STUN_SERVER};
        for (int number : numbers) {
            if (changes.touches(number)) {
                return true;
            }
        }
        for (int number : p.network().all()) {
            if (changes.touches(number)) {
                return true;
            }
        }
        return DnsServers.touches(changes);
    }

    private static String text(ParameterStore store, int number) {
        return store.getOrEmpty(number);
    }

    private static int number(ParameterStore store, int number, int fallback) {
        return store.getIntOr(number, fallback);
    }
}
