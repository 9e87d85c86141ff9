package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.feature.FeatureParameters;
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
    /** The manual's answer to a caller who withheld their identity, when P129 refuses them (CALL-36). */
    static final int ANONYMITY_DISALLOWED = 486;

    private final int port;
    private final FxsLine line;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private final InetAddress address;
    private final MediaTransport transport;
    private final OutgoingCalls transfers;

    /** {@code transfers} places the calls a transferor asks for (REFER). */
    public IncomingCalls(int port, FxsLine line, ParameterStore store, Scheduler scheduler, InetAddress address,
            MediaTransport transport, OutgoingCalls transfers) {
        this.transfers = transfers;
        this.port = port;
        this.line = line;
        this.store = store;
        this.scheduler = scheduler;
        this.address = address;
        this.transport = transport;
    }

    @Override
    public void incoming(IncomingCall call) {
        CallParameters p = CallParameters.of(port);
        if (call.anonymous() && store.getIntOr(p.anonymousRejection(), 0) == 1) {
            LOG.info("port {}: refusing an anonymous call (P{})", port, p.anonymousRejection());
            call.reject(ANONYMITY_DISALLOWED);
            return;
        }
        if (blacklisted(call.callerNumber().orElse(""))) {
            LOG.info("port {}: refusing a caller on the blacklist (P{})", port, BLACKLIST);
            call.reject(486);
            return;
        }
        FeatureParameters features = FeatureParameters.of(port);
        if (store.getIntOr(features.doNotDisturb(), 0) == 1) {
            LOG.info("port {}: do not disturb; refusing the call", port);
            call.reject(486);
            return;
        }
        String forwardAll = store.getOrEmpty(features.forwardAll());
        if (!forwardAll.isBlank()) {
            forward(call, forwardAll, "unconditional");
            return;
        }
        MediaSettings settings = MediaSettingsReader.read(store, port);
        java.util.OptionalInt channel = line.channels().take();
        if (channel.isEmpty()) {
            busy(call, features);
            return;
        }
        String host = transfers.sdpHost();
        SdpSession session = OfferAnswer.session(host);
        Optional<AnswerOutcome.Accepted> answer = OfferAnswer.answer(call, port, settings, host, channel.getAsInt(),
                session);
        if (answer.isEmpty()) {
            line.channels().release(channel.getAsInt());
            return;
        }
        AnswerOutcome.Accepted accepted = answer.get();
        Connection connection = new Connection(call, accepted, settings, session, channel.getAsInt());
        LocalDateTime now = LocalDateTime.now(line.wallClock());
        dev.ataemu.media.callerid.CallerId callerId = call.anonymous() ? CallerIds.withheld(now)
                : CallerIds.of(call.callerNumber().orElse(""), call.callerName().orElse(""), now);
        boolean ringing = line.ring(callerId, connection);
        boolean alerting = ringing || line.offerWaiting(callerId, connection);
        if (!alerting) {
            connection.closeMedia();
            busy(call, features);
            return;
        }
        call.ringing();
        call.onEnded(connection::farEndEnded);
        String forwardNoAnswer = store.getOrEmpty(features.forwardNoAnswer());
        if (ringing && !forwardNoAnswer.isBlank()) {
            int delay = Math.max(1, store.getIntOr(features.forwardDelay(), 20));
            scheduler.schedule(java.time.Duration.ofSeconds(delay), () -> connection.forwardUnanswered(forwardNoAnswer));
        }
        int ringSeconds = store.getIntOr(p.ringTimeout(), 0);
        if (ringSeconds > 0) {
            scheduler.schedule(java.time.Duration.ofSeconds(ringSeconds), connection::ringTimedOut);
        }
    }

    /** The port cannot take the call: "Busy Forward" (*90) when set, else 486. */
    private void busy(IncomingCall call, FeatureParameters features) {
        String forwardBusy = store.getOrEmpty(features.forwardBusy());
        if (!forwardBusy.isBlank()) {
            forward(call, forwardBusy, "busy");
        } else {
            call.reject(486);
        }
    }

    /** "Blacklist For Incoming Calls" (HT813 P28127): numbers separated by commas, refused like DND. */
    static final int BLACKLIST = 28127;

    private boolean blacklisted(String caller) {
        if (caller.isEmpty() || store.catalog().find(BLACKLIST).isEmpty()) {
            return false;
        }
        return java.util.Arrays.stream(store.getOrEmpty(BLACKLIST).split("[,\\s]+"))
                .map(String::strip).anyMatch(caller::equals);
    }

    private void forward(IncomingCall call, String target, String kind) {
        String uri = transfers.forwardUri(target);
        LOG.info("port {}: {} forward to {}", port, kind, uri);
        call.redirect(uri);
    }

    /** One call's life once the phone rings: its media when answered, its end either way. */
    private final class Connection extends MediaLeg {
        private final IncomingCall call;
        private final AnswerOutcome.Accepted accepted;
        private boolean ended;
        private boolean picked;
        private boolean transferring;

        Connection(IncomingCall call, AnswerOutcome.Accepted accepted, MediaSettings settings, SdpSession session,
                int channel) {
            super(transfers, IncomingCalls.this.line, settings, session, channel);
            this.call = call;
            this.accepted = accepted;
        }

        @Override
        protected dev.ataemu.sip.call.EstablishedCall sip() {
            return picked ? call : null;
        }

        @Override
        protected boolean placedHere() {
            return false;
        }

        @Override
        public void answered(FxsLine answeredLine) {
            picked = true;
            try {
                media = CallMedia.open(transport, address, settings, accepted.media(), channel);
            } catch (java.net.BindException e) {
                LOG.warn("port {}: {}", port, e.getMessage());
                call.reject(500);
                closeMedia();
                return;
            }
            call.onKey(this::relayed);
            call.onReferred((target, replaces, report) -> {
                transferring = true;
                transfers.transfer(target, replaces, answeredLine, report, new TransferCall.Transferee() {
                    // The transferor ends its leg once it hears 200 (RFC 5589): a BYE from here would cross its own.
                    @Override
                    public void handedOver() {
                        closeMedia();
                    }

                    @Override
                    public boolean gone() {
                        return ended;
                    }

                    @Override
                    public LineCall replaced() {
                        return Connection.this;
                    }
                });
            });
            call.onReoffer(this::reoffered);
            joinLine();
            call.answer(accepted.answer().format());
        }

        @Override
        public void hungUp(FxsLine hungUpLine) {
            call.hangUp();
            closeMedia();
        }

        /** "Delayed Call Forward" (*92): nobody picked up in time, so the caller goes on. */
        void forwardUnanswered(String target) {
            if (!picked && !ended) {
                ended = true;
                line.stopRinging();
                closeMedia();
                forward(call, target, "delayed");
            }
        }

        /** Nobody answered within the ring timeout (P185): the caller hears 480. */
        void ringTimedOut() {
            if (!picked && !ended) {
                ended = true;
                line.stopRinging();
                line.waitingGone(this);
                closeMedia();
                call.reject(480);
            }
        }

        void farEndEnded() {
            ended = true;
            closeMedia();
            if (!picked) {
                // Ringing, or waiting behind another call: only this call's alert stops.
                line.waitingGone(this);
                if (line.state() == dev.ataemu.core.line.LineState.RINGING) {
                    line.stopRinging();
                }
                return;
            }
            // A transferor hangs up once the transfer is under way: the phone waits for the new call.
            if (!transferring) {
                line.farEndHungUp(this);
            }
        }
    }
}
