package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.line.FxoLine;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.sip.ua.UserAgent;
import dev.ataemu.time.Scheduler;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Supplier;

/** Where the device hands the HT813's unanswered PSTN calls to VoIP. */
public final class PstnCalls {

    private PstnCalls() {
    }

    /** Seizes the line for an unanswered PSTN call and takes its caller on to VoIP through the FXO account. */
    public static void toVoip(int port, FxoLine line, ParameterStore store, Scheduler scheduler, InetAddress address,
            MediaTransport transport, Supplier<Optional<UserAgent>> account) {
        String sdpHost = account.get().map(UserAgent::contactHost).orElse(address.getHostAddress());
        new PstnToVoip(port, line, store, scheduler, address, transport, account, sdpHost).start();
    }
}
