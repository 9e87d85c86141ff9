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

    /** A new dialog's side of the descriptions, naming {@code host} as ours (the NAT address when there is one). */
    static SdpSession session(String host) {
        return new SdpSession("-", Long.toString(RANDOM.nextInt(1 << 30)), 1, host);
    }

    /** The accepted answer, or empty after refusing the call with 488. */
    static Optional<AnswerOutcome.Accepted> answer(IncomingCall call, int port, MediaSettings settings, String host,
            int channel, SdpSession session) {
        Optional<AnswerOutcome.Accepted> answer = answer(call.offer(), port, settings, host, channel, session);
        if (answer.isEmpty()) {
            call.reject(AnswerOutcome.Rejected.STATUS_CODE);
        }
        return answer;
    }

    /** The answer to an offer (a new call's, or a re-INVITE's), or empty when it cannot be taken. */
    static Optional<AnswerOutcome.Accepted> answer(String offerText, int port, MediaSettings settings, String host,
            int channel, SdpSession session) {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(offerText);
        } catch (SdpParseException e) {
            LOG.info("port {}: an unreadable offer ({})", port, e.getMessage());
            return Optional.empty();
        }
        return answer(offer, port, settings, host, channel, session);
    }

    /** The answer to an offer already read, or empty when it cannot be taken. */
    static Optional<AnswerOutcome.Accepted> answer(SessionDescription offer, int port, MediaSettings settings, String host,
            int channel, SdpSession session) {
        MediaAddress local = new MediaAddress(host, settings.rtpPort(channel));
        AnswerOutcome outcome = new AnswerBuilder(Vocoders.preferences(settings), RANDOM).answer(offer, session, local, false);
        if (outcome instanceof AnswerOutcome.Rejected rejected) {
            LOG.info("port {}: no answer to the offer ({})", port, rejected.reason());
            return Optional.empty();
        }
        return Optional.of((AnswerOutcome.Accepted) outcome);
    }
}
