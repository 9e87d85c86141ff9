package dev.ataemu.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SDP answers: MEDIA-28 codec choice, MEDIA-22 asymmetric streams, MEDIA-24 SRTP, CALL-14 hold")
class AnswerBuilderTest {

    private static final MediaAddress LOCAL = new MediaAddress("192.168.1.50", 5004);
    private static final MediaPreferences PREFERENCES = MediaPreferences.of(List.of(PayloadFormat.of(Samples.PCMU),
            PayloadFormat.of(Samples.PCMA), PayloadFormat.of(Samples.G722), new PayloadFormat(100, Samples.G726_32),
            new PayloadFormat(123, Samples.OPUS)));

    private final SdpSession session = new SdpSession("1000", "8000", 8000, "192.168.1.50");

    private AnswerOutcome answer(MediaPreferences preferences, String offer, boolean hold) {
        return new AnswerBuilder(preferences, new SecureRandom()).answer(Samples.parse(offer), session, LOCAL, hold);
    }

    private NegotiatedMedia accepted(MediaPreferences preferences, String offer) {
        AnswerOutcome outcome = answer(preferences, offer, false);
        assertThat(outcome).isInstanceOf(AnswerOutcome.Accepted.class);
        return ((AnswerOutcome.Accepted) outcome).media();
    }

    @Test
    @DisplayName("MEDIA-28: our first preference the offer has wins, answered first, then the other matches in our order")
    void localPreferenceOrder() {
        AnswerOutcome outcome = answer(PREFERENCES, Samples.FREESWITCH, false);
        NegotiatedMedia media = ((AnswerOutcome.Accepted) outcome).media();

        assertThat(media.codec()).isSameAs(Samples.PCMU);
        assertThat(media.payloadType()).isZero();
        assertThat(media.receiving()).extracting(PayloadFormat::payloadType).containsExactly(0, 8, 9, 102);
        assertThat(media.telephoneEventType()).isEqualTo(101);
        assertThat(media.remote()).isEqualTo(new MediaAddress("198.51.100.7", 24680));
        assertThat(media.remoteRtcp()).isEqualTo(new MediaAddress("198.51.100.7", 24681));
        assertThat(media.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(media.sdes()).isEmpty();
        assertThat(outcome.answer().format()).isEqualTo(Samples.crlf("""
                v=0
                o=1000 8000 8000 IN IP4 192.168.1.50
                s=SIP Call
                c=IN IP4 192.168.1.50
                t=0 0
                m=audio 5004 RTP/AVP 0 8 9 102 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:9 G722/8000
                a=rtpmap:102 opus/48000/2
                a=fmtp:102 maxplaybackrate=8000;sprop-maxcapturerate=8000;maxaveragebitrate=20000;useinbandfec=1
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                a=sendrecv
                """));
    }

    @Test
    @DisplayName("PLAT-84 / P4363: with 'use first matching vocoder' the answer names only the chosen codec")
    void firstMatchingVocoderOnly() {
        AnswerOutcome outcome = answer(PREFERENCES.withAnswerShape(false, true), Samples.ASTERISK, false);

        assertThat(outcome.answer().media().get(0).formats()).containsExactly("0", "101");
    }

    @Test
    @DisplayName("MEDIA-28: a peer's order does not override ours; Opus under a different dynamic type is answered under the offer's")
    void dynamicTypeMismatch() {
        MediaPreferences opusFirst = MediaPreferences.of(List.of(new PayloadFormat(123, Samples.OPUS), PayloadFormat.of(Samples.PCMA)));

        NegotiatedMedia media = accepted(opusFirst, Samples.AUDIO_AND_VIDEO);

        assertThat(media.codec()).isSameAs(Samples.OPUS);
        assertThat(media.payloadType()).isEqualTo(96);
        assertThat(media.ptimeMs()).isEqualTo(20);
    }

    @Test
    @DisplayName("rtpmap names match in any letter case; a G.726-32 offered under old static 2 is matched by name")
    void namesInAnyCaseAndG726UnderStaticNumber() {
        MediaPreferences g726First = MediaPreferences.of(List.of(new PayloadFormat(100, Samples.G726_32), PayloadFormat.of(Samples.PCMU)));

        NegotiatedMedia fromHt813 = accepted(g726First, Samples.HT813);
        NegotiatedMedia fromKamailio = accepted(PREFERENCES, Samples.KAMAILIO_RTPENGINE);

        assertThat(fromHt813.codec()).isSameAs(Samples.G726_32);
        assertThat(fromHt813.payloadType()).isEqualTo(2);
        assertThat(fromKamailio.codec()).isSameAs(Samples.PCMU);
        assertThat(fromKamailio.telephoneEventType()).isEqualTo(101);
        assertThat(fromKamailio.remote()).isEqualTo(new MediaAddress("203.0.113.50", 30000));
        assertThat(fromKamailio.remoteRtcp()).isEqualTo(new MediaAddress("203.0.113.50", 30001));
    }

    @Test
    @DisplayName("static payload types without an rtpmap match by number (RFC 3551)")
    void staticWithoutRtpmap() {
        NegotiatedMedia media = accepted(MediaPreferences.of(List.of(PayloadFormat.of(Samples.PCMA))),
                offer("m=audio 4000 RTP/AVP 18 8 0", ""));

        assertThat(media.codec()).isSameAs(Samples.PCMA);
        assertThat(media.payloadType()).isEqualTo(8);
        assertThat(media.telephoneEventType()).isEqualTo(-1);
        assertThat(media.remoteRtcp().port()).isEqualTo(4001);
    }

    @Test
    @DisplayName("MEDIA-28: no common codec refuses the stream with port 0 and a 488")
    void noCommonCodec() {
        AnswerOutcome outcome = answer(PREFERENCES, offer("m=audio 4000 RTP/AVP 18 4 101",
                "a=rtpmap:18 G729/8000\na=rtpmap:4 G723/8000\na=rtpmap:101 telephone-event/8000\n"), false);

        assertThat(outcome).isInstanceOfSatisfying(AnswerOutcome.Rejected.class, rejected -> {
            assertThat(rejected.statusCode()).isEqualTo(488);
            assertThat(rejected.reason()).isEqualTo("no common codec");
        });
        assertThat(outcome.answer().format()).contains("m=audio 0 RTP/AVP 18 4 101\r\n");
        assertThat(session.last()).isEmpty();
    }

    @Test
    @DisplayName("comfort noise alone is no common codec; beside a voice codec it is answered after it")
    void comfortNoise() {
        MediaPreferences withCn = MediaPreferences.of(List.of(PayloadFormat.of(Samples.CN), PayloadFormat.of(Samples.PCMU)));

        assertThat(answer(withCn, offer("m=audio 4000 RTP/AVP 13", ""), false)).isInstanceOf(AnswerOutcome.Rejected.class);
        assertThat(answer(withCn, offer("m=audio 4000 RTP/AVP 13 0", ""), false).answer().media().get(0).formats())
                .containsExactly("0", "13");
    }

    @Test
    @DisplayName("MEDIA-11: an offer without telephone-event gets none back; P4825 keeps events out of the answer")
    void telephoneEvents() {
        AnswerOutcome none = answer(PREFERENCES, offer("m=audio 4000 RTP/AVP 0", ""), false);
        AnswerOutcome disabled = answer(PREFERENCES.withTelephoneEvents(101, true), Samples.ASTERISK, false);

        assertThat(((AnswerOutcome.Accepted) none).media().telephoneEventType()).isEqualTo(-1);
        assertThat(none.answer().format()).doesNotContain("telephone-event");
        assertThat(disabled.answer().media().get(0).formats()).doesNotContain("101");
        assertThat(((AnswerOutcome.Accepted) disabled).media().telephoneEventType()).isEqualTo(101);
    }

    @ParameterizedTest(name = "offer {0} -> answer {1}")
    @CsvSource({"sendrecv, sendrecv", "sendonly, recvonly", "recvonly, sendonly", "inactive, inactive"})
    @DisplayName("CALL-14: the answer mirrors the offer's direction")
    void mirrorsDirection(String offered, String answered) {
        AnswerOutcome outcome = answer(PREFERENCES, offer("m=audio 4000 RTP/AVP 0", "a=" + offered + "\n"), false);

        assertThat(outcome.answer().format()).contains("a=" + answered + "\r\n");
        assertThat(((AnswerOutcome.Accepted) outcome).media().direction().attributeName()).isEqualTo(answered);
    }

    @Test
    @DisplayName("CALL-14: an RFC 2543 hold (c=0.0.0.0) is answered recvonly and we send nothing")
    void rfc2543HoldOffer() {
        AnswerOutcome outcome = answer(PREFERENCES, Samples.crlf("""
                v=0
                o=old 1 2 IN IP4 192.0.2.9
                s=-
                c=IN IP4 0.0.0.0
                t=0 0
                m=audio 4000 RTP/AVP 0
                """), false);

        NegotiatedMedia media = ((AnswerOutcome.Accepted) outcome).media();
        assertThat(media.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(media.direction().sends()).isFalse();
        assertThat(outcome.answer().format()).contains("c=IN IP4 192.168.1.50\r\n", "a=recvonly\r\n");
    }

    @Test
    @DisplayName("CALL-14: answering while we hold the call never says we receive; RFC 2543 hold answers c=0.0.0.0")
    void answeringWhileHolding() {
        AnswerOutcome outcome = answer(PREFERENCES.withRfc2543Hold(true), Samples.ASTERISK, true);

        assertThat(((AnswerOutcome.Accepted) outcome).media().direction()).isEqualTo(Direction.SENDONLY);
        assertThat(outcome.answer().format()).contains("c=IN IP4 0.0.0.0\r\n", "a=sendonly\r\n");
    }

    @Test
    @DisplayName("video and second audio m-lines are refused with port 0, in the offer's order")
    void otherStreamsRefused() {
        AnswerOutcome outcome = answer(PREFERENCES, Samples.AUDIO_AND_VIDEO, false);

        assertThat(outcome.answer().media()).hasSize(2);
        assertThat(outcome.answer().media().get(0).port()).isEqualTo(5004);
        assertThat(outcome.answer().format()).endsWith("m=video 0 RTP/AVP 97\r\n");
    }

    @Test
    @DisplayName("P137: with multiple m-lines disabled the answer carries only the accepted audio line")
    void singleMediaLine() {
        AnswerOutcome outcome = answer(PREFERENCES.withAnswerShape(true, false), Samples.AUDIO_AND_VIDEO, false);

        assertThat(outcome.answer().media()).hasSize(1);
        assertThat(outcome.answer().media().get(0).isAudio()).isTrue();
    }

    @Test
    @DisplayName("a refused first audio stream (port 0) is skipped for the next usable one")
    void secondAudioStream() {
        NegotiatedMedia media = accepted(PREFERENCES, offer("m=audio 0 RTP/AVP 0\nm=audio 4002 RTP/AVP 8", ""));

        assertThat(media.codec()).isSameAs(Samples.PCMA);
        assertThat(media.remote().port()).isEqualTo(4002);
    }

    @Test
    @DisplayName("MEDIA-24: SRTP disabled refuses RTP/SAVP with 488 and ignores keys on RTP/AVP")
    void srtpDisabled() {
        AnswerOutcome savp = answer(PREFERENCES, Samples.BARESIP_SRTP, false);
        AnswerOutcome avpWithKeys = answer(PREFERENCES, offer("m=audio 4000 RTP/AVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + Samples.INLINE + "\n"), false);

        assertThat(savp).isInstanceOfSatisfying(AnswerOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("SRTP is disabled"));
        assertThat(savp.answer().media().get(0).port()).isZero();
        assertThat(((AnswerOutcome.Accepted) avpWithKeys).media().sdes()).isEmpty();
        assertThat(avpWithKeys.answer().format()).doesNotContain("crypto");
    }

    @Test
    @DisplayName("MEDIA-24: SRTP enabled accepts RTP/SAVP with the offer's tag and suite and a key of our own")
    void srtpAcceptsSavp() {
        AnswerOutcome outcome = answer(PREFERENCES.withSrtp(SrtpMode.ENABLED_NOT_FORCED, false), Samples.BARESIP_SRTP, false);

        NegotiatedMedia media = ((AnswerOutcome.Accepted) outcome).media();
        MediaDescription answered = outcome.answer().media().get(0);
        assertThat(answered.protocol()).isEqualTo("RTP/SAVP");
        assertThat(answered.cryptoLines()).hasSize(1).allMatch(line -> line.startsWith("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"))
                .noneMatch(line -> line.contains(Samples.INLINE));
        assertThat(media.sdes()).hasValueSatisfying(sdes -> {
            assertThat(sdes.remote().masterKey().keyAndSaltBase64()).isEqualTo(Samples.INLINE);
            assertThat(sdes.local().format()).isEqualTo(answered.cryptoLines().get(0));
        });
    }

    @Test
    @DisplayName("MEDIA-24: not forced takes best-effort keys on RTP/AVP and plain RTP without them")
    void srtpNotForcedOnAvp() {
        MediaPreferences optional = PREFERENCES.withSrtp(SrtpMode.ENABLED_NOT_FORCED, false);

        AnswerOutcome withKeys = answer(optional, offer("m=audio 4000 RTP/AVP 0",
                "a=crypto:7 AES_CM_128_HMAC_SHA1_32 inline:" + Samples.INLINE + "\n"), false);
        AnswerOutcome plain = answer(optional, Samples.ASTERISK, false);

        assertThat(withKeys.answer().media().get(0).protocol()).isEqualTo("RTP/AVP");
        assertThat(withKeys.answer().media().get(0).cryptoLines()).singleElement().asString().startsWith("a=crypto:7 AES_CM_128_HMAC_SHA1_32 ");
        assertThat(((AnswerOutcome.Accepted) withKeys).media().sdes()).isPresent();
        assertThat(((AnswerOutcome.Accepted) plain).media().sdes()).isEmpty();
    }

    @Test
    @DisplayName("MEDIA-24: forced refuses plain RTP and unusable keys, accepts usable ones on either profile")
    void srtpForced() {
        MediaPreferences forced = PREFERENCES.withSrtp(SrtpMode.ENABLED_AND_FORCED, false);

        AnswerOutcome plain = answer(forced, Samples.ASTERISK, false);
        AnswerOutcome unusable = answer(forced, offer("m=audio 4000 RTP/SAVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + Samples.INLINE + " KDR=1\n"
                        + "a=crypto:2 AES_256_CM_HMAC_SHA1_80 inline:" + Samples.INLINE + "\n"), false);
        AnswerOutcome savp = answer(forced, Samples.BARESIP_SRTP, false);
        AnswerOutcome avpWithKeys = answer(forced, offer("m=audio 4000 RTP/AVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + Samples.INLINE + "\n"), false);

        assertThat(plain).isInstanceOfSatisfying(AnswerOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo("no usable SRTP key"));
        assertThat(unusable).isInstanceOf(AnswerOutcome.Rejected.class);
        assertThat(savp).isInstanceOf(AnswerOutcome.Accepted.class);
        assertThat(avpWithKeys).isInstanceOf(AnswerOutcome.Accepted.class);
    }

    @Test
    @DisplayName("MEDIA-29: we send with the peer's ptime cut to whole codec frames and capped by its maxptime")
    void sendPtime() {
        assertThat(accepted(PREFERENCES, offer("m=audio 4000 RTP/AVP 0", "a=ptime:30\n")).ptimeMs()).isEqualTo(30);
        assertThat(accepted(PREFERENCES, offer("m=audio 4000 RTP/AVP 0", "a=ptime:25\n")).ptimeMs()).isEqualTo(20);
        assertThat(accepted(PREFERENCES, offer("m=audio 4000 RTP/AVP 0", "a=ptime:60\na=maxptime:40\n")).ptimeMs()).isEqualTo(40);
        assertThat(accepted(PREFERENCES.withPtime(10), offer("m=audio 4000 RTP/AVP 0", "")).ptimeMs()).isEqualTo(10);
        assertThat(accepted(MediaPreferences.of(List.of(new PayloadFormat(123, Samples.OPUS))).withPtime(10),
                offer("m=audio 4000 RTP/AVP 111", "a=rtpmap:111 opus/48000/2\n")).ptimeMs()).isEqualTo(20);
    }

    @Test
    @DisplayName("transports other than RTP/AVP and RTP/SAVP, and offers without an address, are refused")
    void unsupportedTransportAndNoAddress() {
        AnswerOutcome dtls = answer(PREFERENCES, offer("m=audio 9 UDP/TLS/RTP/SAVPF 0", ""), false);
        AnswerOutcome noAddress = answer(PREFERENCES, Samples.crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                t=0 0
                m=audio 4000 RTP/AVP 0
                """), false);

        assertThat(dtls).isInstanceOfSatisfying(AnswerOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("UDP/TLS/RTP/SAVPF"));
        assertThat(noAddress).isInstanceOf(AnswerOutcome.Rejected.class);
    }

    @Test
    @DisplayName("a re-INVITE answered the same keeps the version; a changed answer moves it by one")
    void answerVersions() {
        AnswerBuilder builder = new AnswerBuilder(PREFERENCES, new SecureRandom());
        SessionDescription offer = Samples.parse(Samples.ASTERISK);

        long first = builder.answer(offer, session, LOCAL, false).answer().origin().sessionVersion();
        long same = builder.answer(offer, session, LOCAL, false).answer().origin().sessionVersion();
        long held = builder.answer(offer, session, LOCAL, true).answer().origin().sessionVersion();

        assertThat(List.of(first, same, held)).containsExactly(8000L, 8000L, 8001L);
    }

    /** A minimal offer from 192.0.2.77 around the given m-lines and attributes. */
    private static String offer(String mLines, String attributes) {
        return Samples.crlf("v=0\no=peer 1 1 IN IP4 192.0.2.77\ns=-\nc=IN IP4 192.0.2.77\nt=0 0\n" + mLines + "\n" + attributes);
    }
}
