package dev.ataemu.sip.sdp;

import dev.ataemu.media.srtp.SdesCrypto;
import dev.ataemu.media.srtp.SdesSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An offer we sent, with what reading its answer needs: the formats under our numbers and our
 * keys (which never leave this object except in {@link #description}).
 */
public record Offer(SessionDescription description, MediaPreferences preferences, List<SdesCrypto> crypto) {

    public Offer {
        crypto = List.copyOf(crypto);
    }

    /**
     * Reads the peer's answer to this offer (RFC 3264 section 5.2, RFC 4568 section 7.1.3). We send
     * the first answered format we offered, under the answer's number.
     *
     * @throws SdpNegotiationException when the answer refuses the audio stream or does not fit the offer
     */
    public NegotiatedMedia readAnswer(SessionDescription answer) throws SdpNegotiationException {
        if (answer.media().isEmpty()) {
            throw new SdpNegotiationException("the answer has no m-line");
        }
        MediaDescription section = answer.media().get(0);
        if (section.port() == 0 || !section.isAudio()) {
            throw new SdpNegotiationException("the peer refused the audio stream");
        }
        MediaDescription ours = description.media().get(0);
        if (!section.protocol().equals(ours.protocol())) {
            throw new SdpNegotiationException("the answer's " + section.protocol() + " does not match the offered "
                    + ours.protocol());
        }
        Optional<SdesSelection> sdes = keys(section);
        PayloadFormat sent = null;
        PayloadFormat sentAsOffered = null;
        List<PayloadFormat> receiving = new ArrayList<>();
        for (int payloadType : section.payloadTypes()) {
            for (PayloadFormat offered : preferences.formats()) {
                if (MediaLines.matches(offered, section, payloadType) && !receiving.contains(offered)) {
                    receiving.add(offered);
                    if (sent == null && !offered.isComfortNoise()) {
                        sent = new PayloadFormat(payloadType, offered.codec());
                        sentAsOffered = offered;
                    }
                }
            }
        }
        if (sent == null) {
            throw new SdpNegotiationException("the answer names no codec we offered");
        }
        receiving.remove(sentAsOffered);
        receiving.add(0, sentAsOffered);
        MediaAddress remote = MediaLines.remote(answer, section)
                .orElseThrow(() -> new SdpNegotiationException("the answer has no connection address"));
        int events = preferences.negotiatesEvents()
                ? MediaLines.telephoneEventType(section, sent.codec().clockRate())
                : preferences.telephoneEventType();
        Direction direction = MediaLines.peerDirection(description, ours)
                .and(MediaLines.peerDirection(answer, section).reverse());
        return new NegotiatedMedia(sent.codec(), sent.payloadType(),
                MediaLines.sendPtime(sent.codec(), section, preferences.ptimeMs()), events, remote,
                MediaLines.remoteRtcp(answer, section, remote), direction, sdes, receiving);
    }

    private Optional<SdesSelection> keys(MediaDescription section) throws SdpNegotiationException {
        List<String> lines = section.cryptoLines();
        if (crypto.isEmpty()) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            if (preferences.srtpMode() == SrtpMode.ENABLED_AND_FORCED) {
                throw new SdpNegotiationException("SRTP is forced but the answer carries no key");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(SdesCrypto.acceptAnswer(crypto, lines.get(0)));
        } catch (IllegalArgumentException unusable) {
            throw new SdpNegotiationException("the answer's key is unusable: " + unusable.getMessage());
        }
    }
}
