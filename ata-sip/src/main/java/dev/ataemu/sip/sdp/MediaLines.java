package dev.ataemu.sip.sdp;

import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.srtp.SdesCrypto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What the offerer's and the answerer's sides share: reading a peer's m-line and writing ours. */
final class MediaLines {

    static final String SESSION_NAME = "SIP Call";

    private MediaLines() {
    }

    /**
     * Whether the peer's payload type is this local format: by rtpmap name, clock rate and channels
     * when there is an rtpmap, else by static number (RFC 3551 types may come without one).
     */
    static boolean matches(PayloadFormat local, MediaDescription section, int payloadType) {
        Optional<RtpMap> map = section.rtpmap(payloadType);
        if (map.isPresent()) {
            return map.get().describes(local.codec());
        }
        return payloadType < 96 && local.codec().staticPayloadType() == payloadType;
    }

    /** The peer's telephone-event type, the one at the codec's clock rate first, else 8000 Hz; or -1. */
    static int telephoneEventType(MediaDescription section, int clockRate) {
        int fallback = -1;
        for (int payloadType : section.payloadTypes()) {
            Optional<RtpMap> map = section.rtpmap(payloadType);
            if (map.isPresent() && map.get().isTelephoneEvent()) {
                if (map.get().clockRate() == clockRate) {
                    return payloadType;
                }
                if (map.get().clockRate() == 8000 && fallback < 0) {
                    fallback = payloadType;
                }
            }
        }
        return fallback;
    }

    /**
     * The packet time we send with: the peer's ptime (what it wants to receive), else ours, no more
     * than its maxptime, and a whole number of the codec's frames.
     */
    static int sendPtime(Codec codec, MediaDescription peer, int localPtime) {
        int wanted = peer.ptime().orElse(localPtime);
        OptionalInt max = peer.maxptime();
        if (max.isPresent()) {
            wanted = Math.min(wanted, max.getAsInt());
        }
        return frames(codec, wanted);
    }

    /** A packet time cut down to whole codec frames, at least one (PLAT-92 clamps the same way). */
    static int frames(Codec codec, int milliseconds) {
        return Math.max(1, milliseconds / codec.frameMs()) * codec.frameMs();
    }

    /** The peer's RTP address for a section; absent when the description names none. */
    static Optional<MediaAddress> remote(SessionDescription description, MediaDescription section) {
        return description.connection(section).map(Connection::host).filter(host -> !host.isEmpty())
                .map(host -> new MediaAddress(host, section.port()));
    }

    static MediaAddress remoteRtcp(SessionDescription description, MediaDescription section, MediaAddress rtp) {
        Optional<RtcpAttribute> rtcp = section.rtcp();
        if (rtcp.isEmpty()) {
            return new MediaAddress(rtp.address(), Math.min(65535, rtp.port() + 1));
        }
        String address = rtcp.get().connection().map(Connection::host).filter(host -> !host.isEmpty())
                .orElse(rtp.address());
        return new MediaAddress(address, rtcp.get().port());
    }

    /**
     * The direction the peer's description allows, from the peer's side. A {@code c=0.0.0.0} peer
     * cannot receive whatever its attribute says (RFC 3264 section 8.4).
     */
    static Direction peerDirection(SessionDescription description, MediaDescription section) {
        Direction written = description.direction(section);
        boolean holdAddress = description.connection(section).map(Connection::isHold).orElse(false);
        return holdAddress ? written.and(Direction.SENDONLY) : written;
    }

    /** Our direction: sendrecv, or sendonly while we hold the call. */
    static Direction local(boolean hold) {
        return hold ? Direction.SENDONLY : Direction.SENDRECV;
    }

    /** Our attributes, in the order this ATA writes them: rtpmap and fmtp per format, ptime, keys, direction. */
    static List<Attribute> attributes(List<PayloadFormat> formats, int telephoneEventType, int ptimeMs,
            List<SdesCrypto> crypto, Direction direction) {
        List<Attribute> attributes = new ArrayList<>();
        for (PayloadFormat format : formats) {
            attributes.add(new Attribute("rtpmap", format.rtpmap().value()));
            if (!format.codec().fmtp().isEmpty()) {
                attributes.add(new Attribute("fmtp", format.payloadType() + " " + format.codec().fmtp()));
            }
        }
        if (telephoneEventType >= 0) {
            attributes.add(new Attribute("rtpmap", telephoneEventType + " " + RtpMap.TELEPHONE_EVENT + "/8000"));
            attributes.add(new Attribute("fmtp", telephoneEventType + " " + MediaPreferences.TELEPHONE_EVENT_FMTP));
        }
        attributes.add(new Attribute("ptime", Integer.toString(ptimeMs)));
        crypto.forEach(line -> attributes.add(new Attribute("crypto", line.attributeValue())));
        attributes.add(Attribute.property(direction.attributeName()));
        return attributes;
    }

    static List<String> formatList(List<PayloadFormat> formats, int telephoneEventType) {
        List<String> list = new ArrayList<>();
        formats.forEach(format -> list.add(Integer.toString(format.payloadType())));
        if (telephoneEventType >= 0) {
            list.add(Integer.toString(telephoneEventType));
        }
        return list;
    }

    /** Our description around the given sections; RFC 2543 hold puts 0.0.0.0 in c=, never in o=. */
    static SessionDescription draft(SdpSession session, String address, boolean rfc2543HoldAddress,
            List<MediaDescription> media) {
        Connection connection = Connection.of(rfc2543HoldAddress ? Connection.HOLD_ADDRESS_IP4 : address);
        return new SessionDescription(session.origin(), SESSION_NAME, Optional.of(connection), Timing.PERMANENT,
                List.of(), List.of(), media);
    }
}
