package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.core.media.MediaSettingsReader;
import dev.ataemu.hal.line.CallerIds;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.sip.call.CallHandler;
import dev.ataemu.sip.call.IncomingCall;
import dev.ataemu.sip.sdp.AnswerOutcome;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.time.Scheduler;
import java.net.InetAddress;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FXS port's incoming calls: the offer is negotiated, the phone rings with the caller's ID, and
 * when it is lifted the call is answered and its audio joined to the line through an RTP stream.
 * Either side hanging up ends it.
 */
public final class IncomingCalls implements CallHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingCalls.class);

    private final int port;
    private final FxsLine line;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final InetAddress address;
    private final MediaTransport transport;

    public IncomingCalls(int port, FxsLine line, ParameterStore store, Scheduler scheduler, InetAddress address,
            MediaTransport transport) {
        this.port = port;
        this.line = line;
        this.store = store;
        this.scheduler = scheduler;
        this.address = address;
        this.transport = transport;
    }

    @Override
    public void incoming(IncomingCall call) {
        MediaSettings settings = MediaSettingsReader.read(store, port);
        SdpSession session = OfferAnswer.session(address);
        Optional<AnswerOutcome.Accepted> answer = OfferAnswer.answer(call, port, settings, address, session);
        if (answer.isEmpty()) {
            return;
        }
        AnswerOutcome.Accepted accepted = answer.get();
        Connection connection = new Connection(call, accepted, settings, session);
        boolean ringing = line.ring(CallerIds.of(call.callerNumber().orElse(""), call.callerName().orElse(""),
                LocalDateTime.now(scheduler.clock())), connection);
        if (!ringing) {
            call.reject(486);
            return;
        }
        call.ringing();
        call.onEnded(connection::farEndEnded);
    }

    /** One call's life once the phone rings: its media when answered, its end either way. */
    private final class Connection implements LineCall {
        private final IncomingCall call;
        private final AnswerOutcome.Accepted accepted;
        private final MediaSettings settings;
        private CallMedia media;
        private final SdpSession session;
        private CallKeys keys;

        Connection(IncomingCall call, AnswerOutcome.Accepted accepted, MediaSettings settings, SdpSession session) {
            this.call = call;
            this.accepted = accepted;
            this.settings = settings;
            this.session = session;
        }

        @Override
        public void answered(FxsLine answeredLine) {
            try {
                media = CallMedia.open(transport, address, settings, accepted.media());
            } catch (java.net.BindException e) {
                LOG.warn("port {}: {}", port, e.getMessage());
                call.reject(500);
                return;
            }
            call.onKey(key -> {
                if (keys != null) {
                    keys.relayed(key);
                }
            });
            call.onReoffer(offer -> media == null ? Optional.empty()
                    : media.reoffered(offer, port, address, session, () -> joinLine(answeredLine)));
            joinLine(answeredLine);
            call.answer(accepted.answer().format());
        }

        private void joinLine(FxsLine answeredLine) {
            keys = media.keys(settings, call::sendKey);
            answeredLine.connectAudio(media.stream().toLine(), media.stream().fromLine(), keys.tonesInAudio());
        }

        @Override
        public void key(FxsLine line, char key) {
            if (keys != null) {
                keys.pressed(key);
            }
        }

        @Override
        public void flash(FxsLine line) {
            if (keys != null) {
                keys.flashed();
            }
        }

        @Override
        public void hungUp(FxsLine hungUpLine) {
            call.hangUp();
            closeMedia();
        }

        void farEndEnded() {
            line.stopRinging();
            line.farEndHungUp();
            closeMedia();
        }

        private void closeMedia() {
            if (media != null) {
                media.close();
                media = null;
                keys = null;
            }
        }
    }
}
