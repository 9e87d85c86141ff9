package dev.ataemu.core.call;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.line.FxsLine;
import dev.ataemu.core.line.LineCall;
import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.core.media.FaxSettings;
import dev.ataemu.core.media.MediaSettingsReader;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.sip.call.OutgoingCall;
import dev.ataemu.sip.call.Referrals;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.OfferBuilder;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
import dev.ataemu.sip.ua.RegistrationState;
import dev.ataemu.sip.ua.UserAgent;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FXS port's outgoing calls: the dialed digits go to the account's server in an INVITE with the
 * port's SDP offer; the phone hears ring-back, then the far end, or the busy/reorder tone.
 */
public final class OutgoingCalls implements FxsLine.Dialer {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingCalls.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;
    private final ParameterStore store;
    private final InetAddress address;
    private final MediaTransport transport;
    private final Supplier<Optional<UserAgent>> agent;

    public OutgoingCalls(int port, ParameterStore store, InetAddress address, MediaTransport transport,
            Supplier<Optional<UserAgent>> agent) {
        this.port = port;
        this.store = store;
        this.address = address;
        this.transport = transport;
        this.agent = agent;
    }

    /**
     * Where a forward sends callers: {@code target} as a SIP URI, a bare number or user at the
     * account's server (or at this device when it has none).
     */
    String forwardUri(String target) {
        String trimmed = target.strip();
        if (trimmed.startsWith("sip:") || trimmed.startsWith("sips:")) {
            return trimmed;
        }
        if (trimmed.contains("@")) {
            return "sip:" + trimmed;
        }
        String host = agent.get().map(ua -> ua.registration().server()).filter(server -> !server.isBlank())
                .orElse(address.getHostAddress());
        return "sip:" + trimmed + "@" + host;
    }

    /** The address our SDP names: the account's own in Contact ("Use NAT IP", the STUN mapping), else ours. */
    /** How this port's calls take a fax. */
    FaxSettings faxSettings() {
        return FaxSettings.read(store, port);
    }

    String sdpHost() {
        return agent.get().map(UserAgent::contactHost).orElse(address.getHostAddress());
    }

    @Override
    public LineCall place(String digits, FxsLine line) {
        Optional<UserAgent> account = agent.get();
        if (account.isEmpty() || account.get().settings().server().isBlank()) {
            line.callFailed(480);
            return LineCall.NONE;
        }
        CallParameters p = CallParameters.of(port);
        boolean registered = account.get().registration().state() == RegistrationState.REGISTERED;
        if (!registered && account.get().settings().canRegister() && store.getIntOr(p.callWithoutRegistration(), 1) == 0) {
            LOG.info("port {}: not registered, and P{} forbids calls without registration", port, p.callWithoutRegistration());
            line.callFailed(403);
            return LineCall.NONE;
        }
        // *67 / *82 before the number decide for this call; else "Send Anonymous" (P65 / P765).
        boolean anonymous = line.perCall().sendCallerId().map(send -> !send)
                .orElse(store.getIntOr(dev.ataemu.core.feature.FeatureParameters.of(port).sendAnonymous(), 0) == 1);
        // "Use Privacy Header": Default (0) and Yes (2) send it with an anonymous call, No (1) never.
        boolean privacyHeader = store.getIntOr(p.usePrivacyHeader(), 0) != 1;
        boolean paging = line.perCall().paging();
        return start(line, digits, (ua, offer, placed) -> ua.call(digits, offer, anonymous, privacyHeader, paging, placed));
    }

    /** A direct IP call (*47): an INVITE to {@code sip:host:port}, no server, no registration needed (CALL-11). */
    public LineCall placeDirect(String host, int port, FxsLine line) {
        if (agent.get().isEmpty()) {
            line.callFailed(480);
            return LineCall.NONE;
        }
        String uri = "sip:" + host + ":" + port;
        return start(line, uri, (ua, offer, placed) -> ua.callUri(uri, offer, Optional.empty(), placed));
    }

    /** How a call goes out once its offer is made. */
    private interface Placing {
        dev.ataemu.sip.call.OutgoingCall place(UserAgent account, String offer, Placed placed) throws Exception;
    }

    private LineCall start(FxsLine line, String destination, Placing placing) {
        MediaSettings settings = MediaSettingsReader.read(store, port);
        // A codec forced with *02 is this call's only one.
        settings = line.perCall().vocoder().map(java.util.List::of).map(settings::withVocoders).orElse(settings);
        java.util.OptionalInt channel = line.channels().take();
        if (channel.isEmpty()) {
            LOG.info("port {}: both media channels are in use", port);
            line.callFailed(486);
            return LineCall.NONE;
        }
        SdpSession session = OfferAnswer.session(sdpHost());
        Offer offer = new OfferBuilder(Vocoders.preferences(settings), RANDOM)
                .offer(session, new MediaAddress(sdpHost(), settings.rtpPort(channel.getAsInt())), false);
        Placed placed = new Placed(line, settings, offer, session, channel.getAsInt());
        try {
            placed.call = placing.place(agent.get().orElseThrow(), offer.description().format(), placed);
        } catch (Exception e) {
            LOG.warn("port {}: cannot place the call to {}: {}", port, destination, e.getMessage());
            placed.closeMedia();
            line.callFailed(500);
            return LineCall.NONE;
        }
        return placed;
    }

    /**
     * Being transferred: calls {@code uri} (replacing {@code replaces} when given) for the call on
     * {@code line}; the transferor hears how it goes through {@code report}.
     */
    void transfer(String uri, Optional<String> replaces, FxsLine line, Referrals.Report report,
            TransferCall.Transferee transferee) {
        Optional<UserAgent> account = agent.get();
        java.util.OptionalInt channel = line.channels().take();
        if (account.isEmpty() || channel.isEmpty()) {
            channel.ifPresent(line.channels()::release);
            report.progress(480, "Temporarily Unavailable");
            return;
        }
        MediaSettings settings = MediaSettingsReader.read(store, port);
        SdpSession session = OfferAnswer.session(sdpHost());
        Offer offer = new OfferBuilder(Vocoders.preferences(settings), RANDOM)
                .offer(session, new MediaAddress(sdpHost(), settings.rtpPort(channel.getAsInt())), false);
        TransferCall target = new TransferCall(this, line, settings, session, channel.getAsInt(), offer, report,
                transferee);
        try {
            target.call = account.get().callUri(uri, offer.description().format(), replaces, target);
        } catch (Exception e) {
            LOG.warn("port {}: cannot call the transfer target {}: {}", port, uri, e.getMessage());
            target.closeMedia();
            report.progress(400, "Bad Request");
        }
    }

    MediaTransport transport() {
        return transport;
    }

    InetAddress address() {
        return address;
    }

    /** "Refer-To Use Target Contact" (P135 / P469). */
    boolean referToContact() {
        return store.getIntOr(port == 1 ? 135 : 469, 0) == 1;
    }

    /** One placed call: what the network says about it, and the phone hanging up. */
    private final class Placed extends MediaLeg implements OutgoingCall.Listener {
        private final Offer offer;
        private OutgoingCall call;
        private boolean transferring;
        private boolean gone;

        Placed(FxsLine line, MediaSettings settings, Offer offer, SdpSession session, int channel) {
            super(OutgoingCalls.this, line, settings, session, channel);
            this.offer = offer;
        }

        @Override
        protected boolean placedHere() {
            return true;
        }

        @Override
        protected dev.ataemu.sip.call.EstablishedCall sip() {
            return call;
        }

        @Override
        public void ringing() {
            line.remoteRinging(this);
        }

        @Override
        public void earlyMedia(String sdp) {
            if (media == null) {
                try {
                    media = CallMedia.open(transport, address, settings, offer.readAnswer(SessionDescription.parse(sdp)),
                            channel);
                } catch (Exception e) {
                    LOG.info("port {}: early media cannot be used ({}); local ring-back", port, e.getMessage());
                    line.remoteRinging(this);
                    return;
                }
            }
            line.remoteEarlyMedia(this, media.stream().toLine(), media.stream()::farEndHeard);
        }

        @Override
        public void answered(String sdp) {
            // The stream of the early media goes on: its answer was this call's answer.
            if (media == null) {
                try {
                    media = CallMedia.open(transport, address, settings, offer.readAnswer(SessionDescription.parse(sdp)),
                            channel);
                } catch (Exception e) {
                    LOG.warn("port {}: the answer cannot be used ({}); hanging up", port, e.getMessage());
                    call.hangUp();
                    closeMedia();
                    line.callFailed(this, 488);
                    return;
                }
            }
            keys = media.keys(settings, call::sendKey);
            line.remoteAnswered(this, heard(), said(), keys.tonesInAudio());
        }

        @Override
        public void key(char key) {
            relayed(key);
        }

        @Override
        public void failed(int status, String reason) {
            LOG.info("port {}: call failed: {} {}", port, status, reason);
            closeMedia();
            line.callFailed(this, status);
        }

        @Override
        public Referrals.Handler transfers() {
            return (target, replaces, report) -> {
                transferring = true;
                OutgoingCalls.this.transfer(target, replaces, line, report, new TransferCall.Transferee() {
                    // The transferor ends its leg once it hears 200 (RFC 5589): a BYE from here would cross its own.
                    @Override
                    public void handedOver() {
                        closeMedia();
                    }

                    @Override
                    public boolean gone() {
                        return gone;
                    }

                    @Override
                    public LineCall replaced() {
                        return Placed.this;
                    }
                });
            };
        }

        @Override
        public void ended() {
            gone = true;
            closeMedia();
            if (!transferring) {
                line.farEndHungUp(this);
            }
        }

        @Override
        public void hungUp(FxsLine hungUpLine) {
            if (call != null) {
                call.hangUp();
            }
            closeMedia();
        }
    }
}
