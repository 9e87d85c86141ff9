package dev.ataemu.core.call;

import dev.ataemu.core.media.MediaSettings;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.media.rtp.RtpSession;
import dev.ataemu.media.stream.MediaStream;
import dev.ataemu.media.stream.SrtpProtection;
import dev.ataemu.sip.sdp.NegotiatedMedia;
import dev.ataemu.sip.sdp.PayloadFormat;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** One call's RTP: the session on the port's RTP port and the stream that joins it to the line. */
final class CallMedia {

    private final RtpSession rtp;
    private final MediaStream stream;
    private final boolean eventsNegotiated;

    private CallMedia(RtpSession rtp, MediaStream stream, boolean eventsNegotiated) {
        this.rtp = rtp;
        this.stream = stream;
        this.eventsNegotiated = eventsNegotiated;
    }

    static CallMedia open(MediaTransport transport, InetAddress address, MediaSettings settings, NegotiatedMedia media)
            throws BindException {
        RtpSession rtp = RtpSession.open(transport, address, settings.rtpPort(0),
                new RtpSession.Settings(settings.symmetricRtp(), settings.rtcp(), "ata@" + address.getHostAddress(),
                        media.codec().clockRate()));
        rtp.remote(new InetSocketAddress(media.remote().address(), media.remote().port()),
                new InetSocketAddress(media.remoteRtcp().address(), media.remoteRtcp().port()));
        media.sdes().ifPresent(keys -> rtp.protection(new SrtpProtection(keys)));
        MediaStream stream = new MediaStream(rtp, new MediaStream.Config(media.codec(), media.payloadType(),
                media.ptimeMs(), media.telephoneEventType(), settings.jitterType(), settings.jitterLength(),
                settings.eventsCount(), settings.endEventsCount(), comfortNoiseType(settings, media)));
        stream.start(transport.pacer());
        return new CallMedia(rtp, stream, media.telephoneEventType() >= 0);
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

    /** How this call's keys go out: by the account's DTMF methods, as far as this call allows. */
    CallKeys keys(MediaSettings settings, CallKeys.InfoSender info) {
        return CallKeys.of(settings, eventsNegotiated, stream, info);
    }

    /** Stops the stream now and closes the sockets in the background (Netty's close waits). */
    void close() {
        stream.close();
        Thread closer = new Thread(rtp::close, "rtp-close");
        closer.setDaemon(true);
        closer.start();
    }
}
