package dev.ataemu.sip.sdp;

import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.srtp.SdesSelection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an offer/answer for the call's audio stream, from our side.
 *
 * @param codec              the codec we send
 * @param payloadType        the payload type we send it under (the number in the peer's SDP)
 * @param ptimeMs            the packet time we send with: the peer's ptime fitted to the codec's frames
 * @param telephoneEventType the RFC 4733 payload type, or -1 when the peer takes no events
 * @param remote             where RTP goes
 * @param remoteRtcp         where RTCP goes: {@code a=rtcp} (RFC 3605), else the RTP port + 1 (MEDIA-23)
 * @param direction          what we do: {@link Direction#RECVONLY} means send nothing
 * @param sdes               the SRTP keys, when the stream is protected
 * @param receiving          every format the peer may send, under the numbers in our SDP, the one
 *                           we send first: streams can be asymmetric (MEDIA-22)
 */
public record NegotiatedMedia(Codec codec, int payloadType, int ptimeMs, int telephoneEventType, MediaAddress remote,
        MediaAddress remoteRtcp, Direction direction, Optional<SdesSelection> sdes, List<PayloadFormat> receiving) {

    public NegotiatedMedia {
        Objects.requireNonNull(codec);
        Objects.requireNonNull(remote);
        Objects.requireNonNull(remoteRtcp);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(sdes);
        receiving = List.copyOf(receiving);
    }
}
