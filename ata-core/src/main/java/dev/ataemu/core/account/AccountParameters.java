package dev.ataemu.core.account;

/**
 * Where each port's account settings live in the P-value space: port 1 (HT502 FXS1, HT813 FXS) and
 * port 2 (HT502 FXS2, HT813 FXO) use parallel numbers, as the firmware's port maps give them.
 */
public record AccountParameters(
        int port,
        int active,
        int register,
        int server,
        int outboundProxy,
        int userId,
        int authId,
        int password,
        int name,
        int transport,
        int localSipPort,
        int expiresMinutes,
        int reRegisterBefore,
        int retryWait,
        int retryAfterForbidden,
        int failoverServer,
        int preferPrimary,
        int sipT1,
        int subscribeMwi,
        int fromProxyOnly,
        int checkUserId,
        int challengeInvites,
        SessionTimerNumbers sessionTimer,
        int telUri,
        int proxyRequire,
        int unregisterOnReboot,
        int reliableProvisional,
        int natTraversal,
        int optionsKeepAlive,
        int optionsInterval,
        int optionsMaxLost) {

    /** "Keep-alive interval", shared by the ports. */
    public static final int KEEP_ALIVE_INTERVAL = 84;
    /** "Disable SIP NOTIFY Authentication", shared by the ports. */
    public static final int DISABLE_NOTIFY_AUTHENTICATION = 4428;

    /** Where a port's session-timer settings live. */
    public record SessionTimerNumbers(int enabled, int expires, int minSe, int callerRequests, int calleeRequests,
            int force, int forceInvite, int uacRefresher, int uasRefresher) {
    }

    /** Where a port's DNS, backup proxy, NAT address and sips settings live. */
    public record NetworkNumbers(int dnsMode, int primaryIp, int backupIp1, int backupIp2, int backupOutboundProxy,
            int preferPrimaryOutboundProxy, int natAddress, int sipsScheme, int verifyServerChain) {

        int[] all() {
            return new int[] {dnsMode, primaryIp, backupIp1, backupIp2, backupOutboundProxy, preferPrimaryOutboundProxy,
                natAddress, sipsScheme, verifyServerChain};
        }
    }

    private static final NetworkNumbers NETWORK1 = new NetworkNumbers(103, 2308, 2309, 2310, 2333, 28096, 101, 2329, 2367);
    private static final NetworkNumbers NETWORK2 = new NetworkNumbers(702, 2408, 2409, 2410, 2433, 28097, 866, 2429, 2467);

    /** "STUN server", shared by the ports; used when a port's NAT traversal says STUN. */
    public static final int STUN_SERVER = 76;

    public NetworkNumbers network() {
        return port == 1 ? NETWORK1 : NETWORK2;
    }

    private static final SessionTimerNumbers TIMER1 = new SessionTimerNumbers(2395, 260, 261, 262, 263, 264, 265, 266, 267);
    private static final SessionTimerNumbers TIMER2 = new SessionTimerNumbers(2495, 434, 427, 428, 429, 430, 431, 432, 433);


    public static final AccountParameters PORT1 =
            new AccountParameters(1, 271, 31, 47, 48, 35, 36, 34, 3, 130, 40, 32, 2330, 138, 26002, 967, 4567, 209, 99, 243, 258, 2346, TIMER1, 63, 197, 81, 272, 52, 2397, 2398, 2399);
    public static final AccountParameters PORT2 =
            new AccountParameters(2, 401, 731, 747, 748, 735, 736, 734, 703, 830, 740, 732, 2430, 471, 26102, 987, 4568, 440, 709, 743, 449, 2446, TIMER2, 763, 792, 0, 435, 730, 2497, 2498, 2499);

    /** The HT502 keeps its port-2 "from SIP proxy only" switch at P4043, not P743. */
    public static final AccountParameters HT502_PORT2 =
            new AccountParameters(2, 401, 731, 747, 748, 735, 736, 734, 703, 830, 740, 732, 2430, 471, 26102, 987, 4568,
                    440, 709, 4043, 449, 2446, TIMER2, 763, 792, 0, 435, 730, 2497, 2498, 2499);

    public static AccountParameters of(int port) {
        return switch (port) {
            case 1 -> PORT1;
            case 2 -> PORT2;
            default -> throw new IllegalArgumentException("no port " + port);
        };
    }

    /** The port's numbers on a model: as {@link #of}, with the HT502's port-2 exception. */
    public static AccountParameters of(String modelId, int port) {
        return port == 2 && "HT502".equals(modelId) ? HT502_PORT2 : of(port);
    }
}
