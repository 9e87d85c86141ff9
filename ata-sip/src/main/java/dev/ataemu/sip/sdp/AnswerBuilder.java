package dev.ataemu.sip.sdp;

import dev.ataemu.media.srtp.SdesCrypto;
import dev.ataemu.media.srtp.SdesSelection;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers offers (RFC 3264 section 6). The first audio m-line we can use is accepted and every other
 * m-line refused with port 0. The codec is the first of our preference list that the offer also
 * has (MEDIA-28, the platform's "Callee" priority); the answer names it first, then the other
 * common codecs in our order unless only the first match is wanted (P4363). Payload types are
 * matched by rtpmap name and clock rate in any letter case, static ones by number, and answered
 * under the offer's numbers. With multiple m-lines disabled (P137) the m-lines after the accepted
 * one are left out instead of refused; the ones before it stay, so streams still pair up by order.
 */
public final class AnswerBuilder {

    private final MediaPreferences preferences;
    private final SecureRandom random;

    public AnswerBuilder(MediaPreferences preferences, SecureRandom random) {
        this.preferences = Objects.requireNonNull(preferences);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @param local our RTP address and port as the peer must see them
     * @param hold  whether we hold the call: the answer then never says we receive
     */
    public AnswerOutcome answer(SessionDescription offer, SdpSession session, MediaAddress local, boolean hold) {
        List<MediaDescription> sections = new ArrayList<>();
        NegotiatedMedia accepted = null;
        String refusal = offer.media().isEmpty() ? "the offer has no m-line" : "the offer has no audio stream";
        for (MediaDescription section : offer.media()) {
            if (accepted != null) {
                if (!preferences.singleMediaLine()) {
                    sections.add(section.rejected());
                }
                continue;
            }
            Attempt attempt = accept(offer, section, local, hold);
            if (attempt.media != null) {
                accepted = attempt.media;
                sections.add(attempt.section);
            } else {
                sections.add(section.rejected());
                if (attempt.refusal != null) {
                    refusal = attempt.refusal;
                }
            }
        }
        if (accepted == null) {
            // Not stamped: a 488 leaves the session as it was, so the next description keeps the next version.
            return new AnswerOutcome.Rejected(MediaLines.draft(session, local.address(), false, sections), refusal);
        }
        boolean rfc2543 = hold && preferences.rfc2543Hold();
        return new AnswerOutcome.Accepted(session.stamp(MediaLines.draft(session, local.address(), rfc2543, sections)),
                accepted);
    }

    /** Our answer to one m-line, or why not; a non-audio m-line is refused without a reason. */
    private Attempt accept(SessionDescription offer, MediaDescription section, MediaAddress local, boolean hold) {
        if (!section.isAudio() || section.port() == 0) {
            return Attempt.refused(null);
        }
        boolean secure = section.protocol().equals(MediaDescription.RTP_SAVP);
        if (!secure && !section.protocol().equals(MediaDescription.RTP_AVP)) {
            return Attempt.refused("transport " + section.protocol() + " is not supported");
        }
        Optional<SdesSelection> sdes = Optional.empty();
        if (preferences.srtpMode() == SrtpMode.DISABLED) {
            if (secure) {
                return Attempt.refused("SRTP is disabled");
            }
        } else if (!section.cryptoLines().isEmpty()) {
            sdes = SdesCrypto.answer(section.cryptoLines(), EnumSet.copyOf(preferences.cryptoSuites()),
                    preferences.cryptoLifetime(), random);
        }
        if (sdes.isEmpty() && (secure || preferences.srtpMode() == SrtpMode.ENABLED_AND_FORCED)) {
            return Attempt.refused("no usable SRTP key");
        }
        List<PayloadFormat> common = commonFormats(section);
        if (common.isEmpty() || common.get(0).isComfortNoise()) {
            return Attempt.refused("no common codec");
        }
        Optional<MediaAddress> remote = MediaLines.remote(offer, section);
        if (remote.isEmpty()) {
            return Attempt.refused("the offer has no connection address");
        }
        PayloadFormat chosen = common.get(0);
        int offeredEvents = MediaLines.telephoneEventType(section, chosen.codec().clockRate());
        int answeredEvents = preferences.negotiatesEvents() ? offeredEvents : -1;
        Direction direction = MediaLines.peerDirection(offer, section).reverse().and(MediaLines.local(hold));
        List<PayloadFormat> answered = preferences.firstMatchingVocoderOnly() ? List.of(chosen) : common;
        int ptime = MediaLines.sendPtime(chosen.codec(), section, preferences.ptimeMs());
        MediaDescription ours = MediaDescription.audio(local.port(), section.protocol(),
                MediaLines.formatList(answered, answeredEvents),
                MediaLines.attributes(answered, answeredEvents, MediaLines.frames(chosen.codec(), preferences.ptimeMs()), sdes.map(s -> List.of(s.local())).orElse(List.of()),
                        direction));
        NegotiatedMedia media = new NegotiatedMedia(chosen.codec(), chosen.payloadType(), ptime,
                preferences.negotiatesEvents() ? offeredEvents : preferences.telephoneEventType(), remote.get(),
                MediaLines.remoteRtcp(offer, section, remote.get()), direction, sdes, answered);
        return new Attempt(ours, media, null);
    }

    /**
     * The offered formats we also have, under the offer's numbers: our preference order, each local
     * codec once, comfort noise after the voice codecs.
     */
    private List<PayloadFormat> commonFormats(MediaDescription section) {
        List<PayloadFormat> voice = new ArrayList<>();
        List<PayloadFormat> noise = new ArrayList<>();
        for (PayloadFormat local : preferences.formats()) {
            for (int payloadType : section.payloadTypes()) {
                if (MediaLines.matches(local, section, payloadType)) {
                    (local.isComfortNoise() ? noise : voice).add(new PayloadFormat(payloadType, local.codec()));
                    break;
                }
            }
        }
        voice.addAll(noise);
        return voice;
    }

    private record Attempt(MediaDescription section, NegotiatedMedia media, String refusal) {
        static Attempt refused(String refusal) {
            return new Attempt(null, null, refusal);
        }
    }
}
