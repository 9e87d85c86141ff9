package dev.ataemu.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The offerer's side: reading answers (RFC 3264 section 5.2), MEDIA-22, MEDIA-23, MEDIA-24")
class OfferAnswerTest {

    private static final MediaPreferences PREFERENCES = MediaPreferences.of(List.of(PayloadFormat.of(Samples.PCMU),
            PayloadFormat.of(Samples.PCMA), new PayloadFormat(123, Samples.OPUS)));
    private static final MediaAddress CALLER = new MediaAddress("192.168.1.50", 5004);
    private static final MediaAddress CALLEE = new MediaAddress("192.168.1.60", 5012);

    private Offer offer(MediaPreferences preferences) {
        return new OfferBuilder(preferences, new SecureRandom())
                .offer(new SdpSession("1000", "8000", 8000, CALLER.address()), CALLER, false);
    }

    private static SessionDescription answer(String body) {
        return Samples.parse(Samples.crlf("v=0\no=peer 5 5 IN IP4 192.0.2.77\ns=-\nc=IN IP4 192.0.2.77\nt=0 0\n" + body));
    }

    @Test
    @DisplayName("MEDIA-22: we send the answer's first codec under its number and receive any answered one under ours")
    void readsChosenCodec() throws SdpNegotiationException {
        NegotiatedMedia media = offer(PREFERENCES).readAnswer(answer("""
                m=audio 40000 RTP/AVP 96 8 100
                a=rtpmap:96 OPUS/48000/2
                a=rtpmap:8 PCMA/8000
                a=rtpmap:100 telephone-event/8000
                a=ptime:40
                a=rtcp:40009 IN IP4 192.0.2.78
                a=sendrecv
                """));

        assertThat(media.codec()).isSameAs(Samples.OPUS);
        assertThat(media.payloadType()).isEqualTo(96);
        assertThat(media.receiving()).extracting(PayloadFormat::payloadType).containsExactly(123, 8);
        assertThat(media.telephoneEventType()).isEqualTo(100);
        assertThat(media.ptimeMs()).isEqualTo(40);
        assertThat(media.remote()).isEqualTo(new MediaAddress("192.0.2.77", 40000));
        assertThat(media.remoteRtcp()).isEqualTo(new MediaAddress("192.0.2.78", 40009));
        assertThat(media.direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    @DisplayName("MEDIA-23: without a=rtcp, RTCP goes to the RTP port + 1; no telephone-event answered means none")
    void rtcpDefaultAndNoEvents() throws SdpNegotiationException {
        NegotiatedMedia media = offer(PREFERENCES).readAnswer(answer("m=audio 40000 RTP/AVP 0\n"));

        assertThat(media.codec()).isSameAs(Samples.PCMU);
        assertThat(media.remoteRtcp()).isEqualTo(new MediaAddress("192.0.2.77", 40001));
        assertThat(media.telephoneEventType()).isEqualTo(-1);
        assertThat(media.ptimeMs()).isEqualTo(20);
    }

    @Test
    @DisplayName("an answer that refuses the stream or names nothing we offered ends the negotiation")
    void refusedAnswers() {
        Offer offer = offer(PREFERENCES);

        assertThatThrownBy(() -> offer.readAnswer(answer("m=audio 0 RTP/AVP 0\n")))
                .isInstanceOf(SdpNegotiationException.class).hasMessageContaining("refused");
        assertThatThrownBy(() -> offer.readAnswer(answer("m=audio 4000 RTP/AVP 18\na=rtpmap:18 G729/8000\n")))
                .isInstanceOf(SdpNegotiationException.class).hasMessageContaining("no codec we offered");
        assertThatThrownBy(() -> offer.readAnswer(answer("")))
                .isInstanceOf(SdpNegotiationException.class).hasMessageContaining("no m-line");
    }

    @Test
    @DisplayName("CALL-14: a peer answering our hold recvonly leaves us sending only; its sendonly hold keeps us quiet")
    void directions() throws SdpNegotiationException {
        Offer hold = new OfferBuilder(PREFERENCES, new SecureRandom())
                .offer(new SdpSession("1000", "1", 1, CALLER.address()), CALLER, true);

        assertThat(hold.readAnswer(answer("m=audio 4000 RTP/AVP 0\na=recvonly\n")).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(offer(PREFERENCES).readAnswer(answer("m=audio 4000 RTP/AVP 0\na=sendonly\n")).direction())
                .isEqualTo(Direction.RECVONLY);
    }

    @Test
    @DisplayName("MEDIA-24: two emulated ATAs agree on SRTP keys, each sending with its own")
    void srtpBetweenTwoAtas() throws SdpNegotiationException {
        MediaPreferences srtp = PREFERENCES.withSrtp(SrtpMode.ENABLED_AND_FORCED, true);
        Offer offer = offer(srtp);
        AnswerOutcome outcome = new AnswerBuilder(srtp, new SecureRandom()).answer(
                Samples.parse(offer.description().format()), new SdpSession("1001", "9", 9, CALLEE.address()), CALLEE, false);

        NegotiatedMedia callee = ((AnswerOutcome.Accepted) outcome).media();
        NegotiatedMedia caller = offer.readAnswer(Samples.parse(outcome.answer().format()));

        assertThat(caller.sdes()).isPresent();
        assertThat(callee.sdes()).isPresent();
        assertThat(caller.sdes().get().local().masterKey().keyAndSaltBase64())
                .isEqualTo(callee.sdes().get().remote().masterKey().keyAndSaltBase64());
        assertThat(callee.sdes().get().local().masterKey().keyAndSaltBase64())
                .isEqualTo(caller.sdes().get().remote().masterKey().keyAndSaltBase64());
        assertThat(caller.remote()).isEqualTo(CALLEE);
        assertThat(callee.remote()).isEqualTo(CALLER);
        assertThat(caller.codec()).isSameAs(Samples.PCMU);
        assertThat(callee.codec()).isSameAs(Samples.PCMU);
    }

    @Test
    @DisplayName("MEDIA-24: with SRTP forced, an answer without a key or with a tag we never offered is refused")
    void srtpForcedAnswers() {
        Offer offer = offer(PREFERENCES.withSrtp(SrtpMode.ENABLED_AND_FORCED, false));

        assertThatThrownBy(() -> offer.readAnswer(answer("m=audio 4000 RTP/SAVP 0\n")))
                .isInstanceOf(SdpNegotiationException.class).hasMessageContaining("no key");
        assertThatThrownBy(() -> offer.readAnswer(answer("m=audio 4000 RTP/SAVP 0\na=crypto:9 AES_CM_128_HMAC_SHA1_80 inline:"
                + Samples.INLINE + "\n"))).isInstanceOf(SdpNegotiationException.class).hasMessageContaining("unusable");
        assertThatThrownBy(() -> offer.readAnswer(answer("m=audio 4000 RTP/AVP 0\n")))
                .isInstanceOf(SdpNegotiationException.class).hasMessageContaining("RTP/AVP");
    }

    @Test
    @DisplayName("MEDIA-24: not forced, a plain answer to our best-effort keys gives plain RTP")
    void srtpBestEffortDeclined() throws SdpNegotiationException {
        NegotiatedMedia media = offer(PREFERENCES.withSrtp(SrtpMode.ENABLED_NOT_FORCED, false))
                .readAnswer(answer("m=audio 4000 RTP/AVP 8\n"));

        assertThat(media.sdes()).isEmpty();
        assertThat(media.codec()).isSameAs(Samples.PCMA);
    }
}
