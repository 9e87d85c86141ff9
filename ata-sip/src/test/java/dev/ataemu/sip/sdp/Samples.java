package dev.ataemu.sip.sdp;

import dev.ataemu.media.codec.cn.ComfortNoise;
import dev.ataemu.media.codec.g711.Pcma;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.codec.g722.G722;
import dev.ataemu.media.codec.g726.G726;
import dev.ataemu.media.codec.g726.G726Packing;
import dev.ataemu.media.codec.g726.G726Rate;
import dev.ataemu.media.codec.opus.Opus;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Descriptions in the style real peers write them, and the codecs the tests prefer. */
final class Samples {

    static final Pcmu PCMU = new Pcmu();
    static final Pcma PCMA = new Pcma();
    static final G722 G722 = new G722();
    static final G726 G726_32 = new G726(G726Rate.KBIT_32, G726Packing.RFC3551);
    static final Opus OPUS = new Opus();
    static final ComfortNoise CN = new ComfortNoise();

    static final String INLINE = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

    /** Asterisk (chan_pjsip): G.711 and G.722, events 0-16, ptime and maxptime. */
    static final String ASTERISK = crlf("""
            v=0
            o=- 1234567890 1234567890 IN IP4 192.0.2.10
            s=Asterisk
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 12000 RTP/AVP 0 8 9 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:9 G722/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """);

    /** FreeSWITCH: Opus first under 102, events at two clock rates, comfort noise, RFC 3605 rtcp. */
    static final String FREESWITCH = crlf("""
            v=0
            o=FreeSWITCH 1700000000 1700000001 IN IP4 198.51.100.7
            s=FreeSWITCH
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 24680 RTP/AVP 102 9 0 8 103 101 13
            a=rtpmap:102 opus/48000/2
            a=fmtp:102 useinbandfec=1; maxaveragebitrate=30000; maxplaybackrate=48000; ptime=20; minptime=10; maxptime=40
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:103 telephone-event/48000
            a=fmtp:103 0-16
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=rtpmap:13 CN/8000
            a=ptime:20
            a=rtcp:24681 IN IP4 198.51.100.7
            """);

    /** baresip with mandatory SRTP: RTP/SAVP, a bandwidth line, attributes this model does not know. */
    static final String BARESIP_SRTP = crlf("""
            v=0
            o=- 1873293442 2092485571 IN IP4 10.0.0.5
            s=-
            c=IN IP4 10.0.0.5
            t=0 0
            m=audio 10934 RTP/SAVP 96 0 8 101
            b=AS:64
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            a=label:1
            a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR
            a=ssrc:3542371234 cname:6ff2b8f1-7b5c
            a=rtcp-rsize
            """);

    /** A pjsip client relayed by Kamailio with rtpengine: media-level c=, lower-case names, rtcp port. */
    static final String KAMAILIO_RTPENGINE = crlf("""
            v=0
            o=- 3818291837 3818291838 IN IP4 203.0.113.20
            s=pjmedia
            b=AS:84
            t=0 0
            a=X-nat:0
            m=audio 30000 RTP/AVP 8 0 101
            c=IN IP4 203.0.113.50
            b=TIAS:64000
            a=rtpmap:8 pcma/8000
            a=rtpmap:0 pcmu/8000
            a=rtpmap:101 Telephone-Event/8000
            a=fmtp:101 0-16
            a=sendrecv
            a=rtcp:30001
            a=ptime:20
            a=nortpproxy:yes
            """);

    /** An HT8xx offer: every vocoder of the factory list, G.726-32 under 2, iLBC 97, Opus 123. */
    static final String HT813 = crlf("""
            v=0
            o=1001 8000 8000 IN IP4 192.168.1.60
            s=SIP Call
            c=IN IP4 192.168.1.60
            t=0 0
            m=audio 5004 RTP/AVP 0 8 4 18 2 97 123 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:4 G723/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:2 G726-32/8000
            a=rtpmap:97 iLBC/8000
            a=fmtp:97 mode=20
            a=rtpmap:123 opus/48000/2
            a=fmtp:123 maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=20000;useinbandfec=1
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=sendrecv
            """);

    /** A softphone offering audio and video: the video must be refused with port 0. */
    static final String AUDIO_AND_VIDEO = crlf("""
            v=0
            o=linphone 2174 3187 IN IP4 192.0.2.33
            s=Talk
            c=IN IP4 192.0.2.33
            t=0 0
            m=audio 7078 RTP/AVP 96 8 101
            a=rtpmap:96 OPUS/48000/2
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            m=video 9078 RTP/AVP 97
            a=rtpmap:97 VP8/90000
            a=rtcp-fb:97 nack pli
            """);

    private Samples() {
    }

    static Stream<Arguments> all() {
        return Stream.of(Arguments.of("Asterisk", ASTERISK), Arguments.of("FreeSWITCH", FREESWITCH),
                Arguments.of("baresip with SRTP", BARESIP_SRTP), Arguments.of("Kamailio and rtpengine", KAMAILIO_RTPENGINE),
                Arguments.of("HT813", HT813), Arguments.of("audio and video", AUDIO_AND_VIDEO));
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    static SessionDescription parse(String text) {
        try {
            return SessionDescription.parse(text);
        } catch (SdpParseException e) {
            throw new AssertionError(e);
        }
    }
}
