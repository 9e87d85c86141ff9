package dev.ataemu.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.srtp.SdesCrypto;
import dev.ataemu.media.srtp.SrtpCryptoSuite;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SDP offers: MEDIA-03 vocoder order, MEDIA-04 static types, MEDIA-11 events, MEDIA-29 ptime, CALL-14 hold")
class OfferBuilderTest {

    private static final MediaAddress LOCAL = new MediaAddress("192.168.1.50", 5004);
    private static final MediaPreferences PREFERENCES = MediaPreferences.of(List.of(PayloadFormat.of(Samples.PCMU),
            PayloadFormat.of(Samples.PCMA), PayloadFormat.of(Samples.G722), new PayloadFormat(100, Samples.G726_32),
            new PayloadFormat(123, Samples.OPUS)));

    private final SdpSession session = new SdpSession("1000", "8000", 8000, "192.168.1.50");

    @Test
    @DisplayName("MEDIA-03: the offer lists the vocoders in preference order with an rtpmap each, then events 0-15")
    void offerIsByteExact() {
        Offer offer = new OfferBuilder(PREFERENCES, new SecureRandom()).offer(session, LOCAL, false);

        assertThat(offer.description().format()).isEqualTo(Samples.crlf("""
                v=0
                o=1000 8000 8000 IN IP4 192.168.1.50
                s=SIP Call
                c=IN IP4 192.168.1.50
                t=0 0
                m=audio 5004 RTP/AVP 0 8 9 100 123 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:9 G722/8000
                a=rtpmap:100 G726-32/8000
                a=rtpmap:123 opus/48000/2
                a=fmtp:123 maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=20000;useinbandfec=1
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                a=sendrecv
                """));
        assertThat(offer.crypto()).isEmpty();
    }

    @Test
    @DisplayName("P4825: with DTMF negotiation disabled the offer leaves telephone-event out; P37 sets the ptime")
    void dtmfNegotiationDisabledAndPtime() {
        MediaPreferences preferences = MediaPreferences.of(List.of(PayloadFormat.of(Samples.PCMU)))
                .withTelephoneEvents(101, true).withPtime(30);

        String sdp = new OfferBuilder(preferences, new SecureRandom()).offer(session, LOCAL, false).description().format();

        assertThat(sdp).contains("m=audio 5004 RTP/AVP 0\r\n", "a=ptime:30\r\n").doesNotContain("telephone-event", "101");
    }

    @Test
    @DisplayName("P20529: Opus stereo disabled in SDP spells out stereo=0")
    void opusMono() {
        MediaPreferences preferences = MediaPreferences.of(List.of(new PayloadFormat(123, new dev.ataemu.media.codec.opus.Opus(true))));

        String sdp = new OfferBuilder(preferences, new SecureRandom()).offer(session, LOCAL, false).description().format();

        assertThat(sdp).contains("a=fmtp:123 maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=20000;"
                + "useinbandfec=1;stereo=0;sprop-stereo=0\r\n");
    }

    @Test
    @DisplayName("CALL-14: a hold re-offer says sendonly under the next session version; resuming moves it on again")
    void holdReOffer() {
        OfferBuilder builder = new OfferBuilder(PREFERENCES, new SecureRandom());
        builder.offer(session, LOCAL, false);

        SessionDescription hold = builder.offer(session, LOCAL, true).description();
        SessionDescription resume = builder.offer(session, LOCAL, false).description();

        assertThat(hold.origin().sessionVersion()).isEqualTo(8001);
        assertThat(hold.connection()).contains(Connection.of("192.168.1.50"));
        assertThat(hold.format()).contains("a=sendonly\r\n").doesNotContain("a=sendrecv");
        assertThat(resume.origin().sessionVersion()).isEqualTo(8002);
        assertThat(resume.format()).contains("a=sendrecv\r\n");
    }

    @Test
    @DisplayName("RFC 3264 section 8: an unchanged re-offer (session refresh) keeps the version")
    void unchangedReOfferKeepsVersion() {
        OfferBuilder builder = new OfferBuilder(PREFERENCES, new SecureRandom());

        SessionDescription first = builder.offer(session, LOCAL, false).description();
        SessionDescription again = builder.offer(session, LOCAL, false).description();

        assertThat(again).isEqualTo(first);
        assertThat(again.origin().sessionVersion()).isEqualTo(8000);
    }

    @Test
    @DisplayName("P26062 / PLAT-64: RFC 2543 hold writes c=0.0.0.0 (the origin keeps the real address)")
    void rfc2543Hold() {
        OfferBuilder builder = new OfferBuilder(PREFERENCES.withRfc2543Hold(true), new SecureRandom());

        SessionDescription hold = builder.offer(session, LOCAL, true).description();

        assertThat(hold.format()).contains("o=1000 8000 8000 IN IP4 192.168.1.50\r\n", "c=IN IP4 0.0.0.0\r\n",
                "a=sendonly\r\n");
    }

    @Test
    @DisplayName("MEDIA-24 / PLAT-93: SRTP enabled but not forced offers RTP/AVP with a key per suite")
    void srtpNotForced() throws Exception {
        Offer offer = new OfferBuilder(PREFERENCES.withSrtp(SrtpMode.ENABLED_NOT_FORCED, true), new SecureRandom())
                .offer(session, LOCAL, false);
        MediaDescription audio = offer.description().media().get(0);

        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.cryptoLines()).hasSize(2);
        assertThat(SdesCrypto.parse(audio.cryptoLines().get(0)).suite()).isEqualTo(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_80);
        assertThat(SdesCrypto.parse(audio.cryptoLines().get(1)).suite()).isEqualTo(SrtpCryptoSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(audio.cryptoLines().get(0)).endsWith("|2^31");
        assertThat(offer.crypto()).extracting(SdesCrypto::format).containsExactlyElementsOf(audio.cryptoLines());
        assertThat(SessionDescription.parse(offer.description().format())).isEqualTo(offer.description());
    }

    @Test
    @DisplayName("MEDIA-24 / PLAT-93: SRTP forced offers RTP/SAVP; disabled offers no key")
    void srtpForcedAndDisabled() {
        Offer forced = new OfferBuilder(PREFERENCES.withSrtp(SrtpMode.ENABLED_AND_FORCED, false), new SecureRandom())
                .offer(session, LOCAL, false);
        Offer plain = new OfferBuilder(PREFERENCES, new SecureRandom())
                .offer(new SdpSession("1000", "1", 1, "192.168.1.50"), LOCAL, false);

        assertThat(forced.description().media().get(0).protocol()).isEqualTo("RTP/SAVP");
        assertThat(forced.description().media().get(0).cryptoLines()).hasSize(2).noneMatch(line -> line.contains("|"));
        assertThat(plain.description().media().get(0).cryptoLines()).isEmpty();
    }

    @Test
    @DisplayName("an IPv6 address gets IN IP6")
    void ipv6() {
        SessionDescription offer = new OfferBuilder(PREFERENCES, new SecureRandom())
                .offer(new SdpSession("1000", "1", 1, "2001:db8::5"), new MediaAddress("2001:db8::5", 5004), false)
                .description();

        assertThat(offer.format()).contains("o=1000 1 1 IN IP6 2001:db8::5\r\n", "c=IN IP6 2001:db8::5\r\n");
    }
}
