package dev.ataemu.core.call;

import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.sip.call.IncomingCall;
import dev.ataemu.sip.sdp.AnswerBuilder;
import dev.ataemu.sip.sdp.AnswerOutcome;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.SdpParseException;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answer a port gives an INVITE's offer, from its media settings; an unusable offer is refused here. */
final class OfferAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(OfferAnswer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private OfferAnswer() {
    }

    /** The accepted answer, or empty after refusing the call with 488. */
    static Optional<AnswerOutcome.Accepted> answer(IncomingCall call, int port, MediaSettings settings, InetAddress address) {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(call.offer());
        } catch (SdpParseException e) {
            LOG.info("port {}: refusing a call with an unreadable offer ({})", port, e.getMessage());
            call.reject(488);
            return Optional.empty();
        }
        MediaAddress local = new MediaAddress(address.getHostAddress(), settings.rtpPort(0));
        SdpSession session = new SdpSession("-", Long.toString(RANDOM.nextInt(1 << 30)), 1, address.getHostAddress());
        AnswerOutcome outcome = new AnswerBuilder(Vocoders.preferences(settings), RANDOM).answer(offer, session, local, false);
        if (outcome instanceof AnswerOutcome.Rejected rejected) {
            LOG.info("port {}: 488 ({})", port, rejected.reason());
            call.reject(AnswerOutcome.Rejected.STATUS_CODE);
            return Optional.empty();
        }
        return Optional.of((AnswerOutcome.Accepted) outcome);
    }
}
