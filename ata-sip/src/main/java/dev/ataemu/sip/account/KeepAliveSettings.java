package dev.ataemu.sip.account;

import java.time.Duration;

/**
 * How an account keeps its path to the server open and checks the server is there.
 *
 * @param natKeepAlive     send an empty UDP datagram to the server from the SIP port (P52 / P730)
 * @param natInterval      how often (P84)
 * @param options          send OPTIONS to the server while registered (P2397 / P2497)
 * @param optionsInterval  how often (P2398 / P2498)
 * @param optionsMaxLost   after this many OPTIONS in a row without an answer, register again (P2399 / P2499)
 */
public record KeepAliveSettings(boolean natKeepAlive, Duration natInterval, boolean options, Duration optionsInterval,
        int optionsMaxLost) {

    public static final KeepAliveSettings OFF = new KeepAliveSettings(false, Duration.ofSeconds(20), false,
            Duration.ofSeconds(30), 3);
}
