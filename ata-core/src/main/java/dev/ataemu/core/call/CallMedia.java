package dev.ataemu.core.call;

import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.media.fax.T38Gateway;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.media.rtp.Pacer;
import dev.ataemu.media.rtp.RtpSession;
import dev.ataemu.media.stream.MediaStream;
import dev.ataemu.media.stream.SrtpProtection;
import dev.ataemu.sip.sdp.AnswerOutcome;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.NegotiatedMedia;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
import dev.ataemu.sip.sdp.PayloadFormat;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/** One call's RTP: the session on the port's RTP port and the stream that joins it to the line. */
final class CallMedia {

    private final RtpSession rtp;
    private final Pacer pacer;
    private MediaSettings settings;
    private MediaStream stream;
    private T38Gateway fax;
    private NegotiatedMedia negotiated;

    private CallMedia(RtpSession rtp, Pacer pacer, MediaSettings settings, MediaStream stream, NegotiatedMedia negotiated) {
        this.rtp = rtp;
        this.pacer = pacer;
        this.settings = settings;
        this.stream = stream;
        this.negotiated = negotiated;
    }

    static CallMedia open(MediaTransport transport, InetAddress address, MediaSettings settings, NegotiatedMedia media)
            throws BindException {
        return open(transport, address, settings, media, 0);
    }

    /** The same on call channel {@code channel} (MEDIA-12): a second call of the port uses channel 1. */
    static CallMedia open(MediaTransport transport, InetAddress address, MediaSettings settings, NegotiatedMedia media,
            int channel) throws BindException {
        RtpSession rtp = RtpSession.open(transport, address, settings.rtpPort(channel),
                new RtpSession.Settings(settings.symmetricRtp(), settings.rtcp(), "ata@" + address.getHostAddress(),
                        media.codec().clockRate()));
        rtp.remote(new InetSocketAddress(media.remote().address(), media.remote().port()),
                new InetSocketAddress(media.remoteRtcp().address(), media.remoteRtcp().port()));
        media.sdes().ifPresent(keys -> rtp.protection(new SrtpProtection(keys)));
        MediaStream stream = newStream(rtp, settings, media);
        stream.start(transport.pacer());
        return new CallMedia(rtp, transport.pacer(), settings, stream, media);
    }

    private static MediaStream newStream(RtpSession rtp, MediaSettings settings, NegotiatedMedia media) {
        MediaStream stream = new MediaStream(rtp, new MediaStream.Config(media.codec(), media.payloadType(),
                media.ptimeMs(), media.telephoneEventType(), settings.jitterType(), settings.jitterLength(),
                settings.eventsCount(), settings.endEventsCount(), comfortNoiseType(settings, media)));
        stream.sending(media.direction().sends());
        return stream;
    }

    /**
     * Our SDP for a re-INVITE's offer, with the media moved to it; for an INVITE without an offer,
     * what we sent last, as our offer. Empty when the offer cannot be taken (the call goes on as it
     * was). {@code streamReplaced} runs when the line must take a new stream's audio.
     */
    Optional<String> reoffered(String offer, int port, String host, int channel, SdpSession session,
            Runnable streamReplaced) {
        if (offer.isBlank()) {
            return session.last().map(SessionDescription::format);
        }
        Optional<AnswerOutcome.Accepted> answer = OfferAnswer.answer(offer, port, settings, host, channel, session);
        answer.ifPresent(accepted -> followed(accepted, streamReplaced));
        return answer.map(accepted -> accepted.answer().format());
    }

    /** The same, for an offer already read. */
    Optional<String> reoffered(SessionDescription offer, int port, String host, int channel, SdpSession session,
            Runnable streamReplaced) {
        Optional<AnswerOutcome.Accepted> answer = OfferAnswer.answer(offer, port, settings, host, channel, session);
        answer.ifPresent(accepted -> followed(accepted, streamReplaced));
        return answer.map(accepted -> accepted.answer().format());
    }

    private void followed(AnswerOutcome.Accepted accepted, Runnable streamReplaced) {
        if (follow(accepted.media())) {
            streamReplaced.run();
        }
    }

    /**
     * Follows a new offer/answer of the call (a re-INVITE either way): the far end's new address,
     * hold and resume (we send only while the answer lets us), new SRTP keys. A different codec or
     * packet time needs a new stream: then this returns true and the line must take the new
     * stream's audio.
     */
    boolean follow(NegotiatedMedia media) {
        // Back to voice after a T.38 fax: the port carries RTP again, in a new stream.
        boolean afterFax = fax != null;
        if (afterFax) {
            fax.close();
            fax = null;
            rtp.carryRtp();
        }
        rtp.remote(new InetSocketAddress(media.remote().address(), media.remote().port()),
                new InetSocketAddress(media.remoteRtcp().address(), media.remoteRtcp().port()));
        media.sdes().ifPresent(keys -> rtp.protection(new SrtpProtection(keys)));
        boolean sameStream = media.codec().encodingName().equalsIgnoreCase(negotiated.codec().encodingName())
                && media.codec().clockRate() == negotiated.codec().clockRate() && media.payloadType() == negotiated.payloadType()
                && media.ptimeMs() == negotiated.ptimeMs() && media.telephoneEventType() == negotiated.telephoneEventType()
                && comfortNoiseType(settings, media) == comfortNoiseType(settings, negotiated);
        negotiated = media;
        if (sameStream && !afterFax) {
            stream.sending(media.direction().sends());
            return false;
        }
        stream.close();
        stream = newStream(rtp, settings, media);
        stream.start(pacer);
        return true;
    }

    // VAD (P50) needs the peer to take comfort noise too; otherwise silences go out as audio.
    private static int comfortNoiseType(MediaSettings settings, NegotiatedMedia media) {
        if (!settings.vad()) {
            return -1;
        }
        return media.receiving().stream().filter(PayloadFormat::isComfortNoise).mapToInt(PayloadFormat::payloadType)
                .findFirst().orElse(-1);
    }

    MediaStream stream() {
        return stream;
    }

    /**
     * The fax goes on as audio (pass-through): the settings become {@link MediaSettings#forFax} and
     * a new stream follows {@code media}, the answer to our G.711-only re-offer (or the call's media
     * as it is when no re-INVITE was sent). The line must take the new stream's audio.
     */
    void passThrough(NegotiatedMedia media) {
        settings = settings.forFax();
        if (!follow(media)) {
            stream.close();
            stream = newStream(rtp, settings, media);
            stream.start(pacer);
        }
    }

    /** T.38 was agreed: the stream stops and the port carries UDPTL to {@code remote}. */
    T38Gateway startFax(MediaAddress remote) {
        stream.close();
        rtp.remote(new InetSocketAddress(remote.address(), remote.port()),
                new InetSocketAddress(remote.address(), Math.min(65535, remote.port() + 1)));
        fax = new T38Gateway(rtp);
        fax.start();
        return fax;
    }

    NegotiatedMedia negotiated() {
        return negotiated;
    }

    /** The call's T.38 relay, once agreed. */
    Optional<T38Gateway> fax() {
        return Optional.ofNullable(fax);
    }

    /** How this call's keys go out: by the account's DTMF methods, as far as this call allows. */
    CallKeys keys(MediaSettings settings, CallKeys.InfoSender info) {
        return CallKeys.of(settings, negotiated.telephoneEventType() >= 0, stream, info);
    }

    /** Stops the stream now and closes the sockets in the background (Netty's close waits). */
    void close() {
        stream.close();
        if (fax != null) {
            fax.close();
        }
        Thread closer = new Thread(rtp::close, "rtp-close");
        closer.setDaemon(true);
        closer.start();
    }
}
