package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.line.FxoLine;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.core.media.MediaSettingsReader;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.sip.call.CallHandler;
import dev.ataemu.sip.call.IncomingCall;
import dev.ataemu.sip.sdp.AnswerOutcome;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.time.Scheduler;
import java.net.BindException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HT813 FXO account's incoming calls: VoIP callers reaching the PSTN line. The caller hears
 * ring-back once, then the call is answered and a {@link PstnGateway} takes it to the line. A call
 * finds the line busy (486) while another call holds it or a PSTN call rings, and unavailable
 * (480) when no line is plugged in.
 */
public final class FxoCalls implements CallHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FxoCalls.class);
    /** One ring-back burst before the answer (the manual: "the caller hears ringback once"). */
    static final Duration ANSWER_DELAY = Duration.ofMillis(1000);

    private final int port;
    private final FxoLine line;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final InetAddress address;
    private final MediaTransport transport;
    private final Supplier<String> sdpHost;

    /** @param sdpHost the address our SDP names (the account's Contact address) */
    public FxoCalls(int port, FxoLine line, ParameterStore store, Scheduler scheduler, InetAddress address,
            MediaTransport transport, Supplier<String> sdpHost) {
        this.sdpHost = sdpHost;
        this.port = port;
        this.line = line;
        this.store = store;
        this.scheduler = scheduler;
        this.address = address;
        this.transport = transport;
    }

    @Override
    public void incoming(IncomingCall call) {
        if (!line.port().lineConnected()) {
            call.reject(480);
            return;
        }
        if (!line.free()) {
            call.reject(486);
            return;
        }
        MediaSettings settings = MediaSettingsReader.read(store, port);
        SdpSession session = OfferAnswer.session(sdpHost.get());
        Optional<AnswerOutcome.Accepted> answer = OfferAnswer.answer(call, port, settings, sdpHost.get(), 0, session);
        if (answer.isEmpty()) {
            return;
        }
        Gatewayed gatewayed = new Gatewayed(call, answer.get(), settings, session);
        call.onEnded(gatewayed::callerGone);
        call.ringing();
        scheduler.schedule(ANSWER_DELAY, gatewayed::answer);
    }

    /** One VoIP caller on the way to, or on, the PSTN line. */
    private final class Gatewayed {
        private final IncomingCall call;
        private final AnswerOutcome.Accepted accepted;
        private final MediaSettings settings;
        private CallMedia media;
        private PstnGateway gateway;
        private final SdpSession session;
        private boolean gone;

        Gatewayed(IncomingCall call, AnswerOutcome.Accepted accepted, MediaSettings settings, SdpSession session) {
            this.call = call;
            this.accepted = accepted;
            this.settings = settings;
            this.session = session;
        }

        void answer() {
            if (gone) {
                return;
            }
            try {
                media = CallMedia.open(transport, address, settings, accepted.media());
            } catch (BindException e) {
                LOG.warn("port {}: {}", port, e.getMessage());
                call.reject(500);
                return;
            }
            gateway = new PstnGateway(line, store, scheduler, media.stream(), this::hangUp);
            // Keys come as telephone-events or in the audio (best effort, FXO-10), or by SIP INFO.
            media.stream().detectKeysInAudio(true);
            media.stream().playHeardKeys(false);
            media.stream().onDtmf(digit -> scheduler.execute(() -> key(digit.symbol())));
            call.onKey(this::key);
            // A new stream mid-call (another codec) is left unbridged: the gateway keeps the first.
            call.onReoffer(offer -> media == null ? Optional.empty()
                    : media.reoffered(offer, port, sdpHost.get(), 0, session, () -> LOG.warn("port {}: codec changed mid-call", port)));
            call.answer(accepted.answer().format());
            gateway.start(call.calledNumber());
        }

        private void key(char key) {
            LOG.debug("port {}: key {} from the VoIP caller", port, key);
            if (gateway != null && !gone) {
                gateway.key(key);
            }
        }

        void callerGone() {
            gone = true;
            if (gateway != null) {
                gateway.callerGone();
            }
            closeMedia();
        }

        private void hangUp() {
            gone = true;
            call.hangUp();
            closeMedia();
        }

        private void closeMedia() {
            if (media != null) {
                media.close();
                media = null;
            }
        }
    }
}
