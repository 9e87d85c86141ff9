package dev.ataemu.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SDP model (RFC 4566): reading and writing real-world descriptions")
class SessionDescriptionTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.ataemu.sip.sdp.Samples#all")
    @DisplayName("a description read and written again is the same, byte for byte")
    void roundTrips(String peer, String sample) throws SdpParseException {
        SessionDescription description = SessionDescription.parse(sample);

        assertThat(description.format()).isEqualTo(sample);
        assertThat(SessionDescription.parse(description.format())).isEqualTo(description);
    }

    @Test
    @DisplayName("reads origin, connection, formats, rtpmaps, fmtp, ptime and maxptime")
    void readsTheFields() {
        SessionDescription asterisk = Samples.parse(Samples.ASTERISK);
        MediaDescription audio = asterisk.media().get(0);

        assertThat(asterisk.origin()).isEqualTo(new Origin("-", "1234567890", 1234567890L, Connection.of("192.0.2.10")));
        assertThat(asterisk.connection()).contains(new Connection("IN", "IP4", "192.0.2.10"));
        assertThat(audio.port()).isEqualTo(12000);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.payloadTypes()).containsExactly(0, 8, 9, 101);
        assertThat(audio.rtpmap(101)).contains(new RtpMap(101, "telephone-event", 8000, 1));
        assertThat(audio.fmtp(101)).contains("0-16");
        assertThat(audio.ptime()).isEqualTo(OptionalInt.of(20));
        assertThat(audio.maxptime()).isEqualTo(OptionalInt.of(150));
        assertThat(asterisk.direction(audio)).isEqualTo(Direction.SENDRECV);
    }

    @Test
    @DisplayName("a media-level c= wins over the session's; RFC 3605 rtcp with and without an address")
    void mediaLevelConnectionAndRtcp() {
        SessionDescription kamailio = Samples.parse(Samples.KAMAILIO_RTPENGINE);
        MediaDescription audio = kamailio.media().get(0);
        SessionDescription freeswitch = Samples.parse(Samples.FREESWITCH);

        assertThat(kamailio.connection()).isEmpty();
        assertThat(kamailio.connection(audio)).contains(Connection.of("203.0.113.50"));
        assertThat(audio.rtcp()).contains(new RtcpAttribute(30001, Optional.empty()));
        assertThat(audio.rtpmap(8)).map(map -> map.describes(Samples.PCMA)).contains(true);
        assertThat(freeswitch.media().get(0).rtcp())
                .contains(new RtcpAttribute(24681, Optional.of(Connection.of("198.51.100.7"))));
    }

    @Test
    @DisplayName("unknown attributes and lines are kept in order; crypto lines come out whole for SdesCrypto")
    void keepsUnknownAttributes() {
        MediaDescription audio = Samples.parse(Samples.BARESIP_SRTP).media().get(0);

        assertThat(audio.fields()).containsExactly(new Field('b', "AS:64"));
        assertThat(audio.attributes()).extracting(Attribute::name)
                .containsSubsequence("label", "crypto", "ssrc", "rtcp-rsize");
        assertThat(audio.attributeValues("ssrc")).containsExactly("3542371234 cname:6ff2b8f1-7b5c");
        assertThat(audio.cryptoLines())
                .containsExactly("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + Samples.INLINE);
    }

    @Test
    @DisplayName("forgives LF line ends, blank lines, runs of spaces, a missing s= and t=; writes them canonically")
    void forgivesCommonSloppiness() throws SdpParseException {
        String sloppy = "v=0\n\no=alice  1 2 IN IP4 192.0.2.1 \nc=IN IP4 192.0.2.1\n"
                + "m=audio 4000  RTP/AVP 0\na=ptime:20.0\n\n";

        SessionDescription description = SessionDescription.parse(sloppy);

        assertThat(description.format()).isEqualTo(Samples.crlf("""
                v=0
                o=alice 1 2 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=audio 4000 RTP/AVP 0
                a=ptime:20.0
                """));
        assertThat(description.media().get(0).ptime()).isEqualTo(OptionalInt.of(20));
    }

    @Test
    @DisplayName("writes lines in RFC 4566 order whatever order they were read in")
    void writesMandatoryOrder() throws SdpParseException {
        String scrambled = Samples.crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=x
                t=0 0
                a=tool:test
                c=IN IP4 192.0.2.1
                b=AS:80
                i=info
                m=audio 4000/2 RTP/AVP 0
                a=sendonly
                b=AS:64
                c=IN IP4 192.0.2.2
                i=voice
                """);

        assertThat(SessionDescription.parse(scrambled).format()).isEqualTo(Samples.crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=x
                i=info
                c=IN IP4 192.0.2.1
                b=AS:80
                t=0 0
                a=tool:test
                m=audio 4000/2 RTP/AVP 0
                i=voice
                c=IN IP4 192.0.2.2
                b=AS:64
                a=sendonly
                """));
    }

    @Test
    @DisplayName("a direction at session level applies to a media section without its own")
    void sessionLevelDirection() throws SdpParseException {
        SessionDescription description = SessionDescription.parse(Samples.crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                a=inactive
                m=audio 4000 RTP/AVP 0
                m=audio 4002 RTP/AVP 8
                a=recvonly
                """));

        assertThat(description.direction(description.media().get(0))).isEqualTo(Direction.INACTIVE);
        assertThat(description.direction(description.media().get(1))).isEqualTo(Direction.RECVONLY);
    }

    @Test
    @DisplayName("malformed rtpmap, ptime and rtcp values read as absent rather than failing the call")
    void lenientAttributeValues() throws SdpParseException {
        MediaDescription audio = SessionDescription.parse(Samples.crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=audio 4000 RTP/AVP 0 96 abc 300
                a=rtpmap:96 opus
                a=rtpmap:0 PCMU/eight
                a=ptime:fast
                a=rtcp:99999
                """)).media().get(0);

        assertThat(audio.payloadTypes()).containsExactly(0, 96);
        assertThat(audio.rtpmap(96)).isEmpty();
        assertThat(audio.rtpmap(0)).isEmpty();
        assertThat(audio.ptime()).isEmpty();
        assertThat(audio.rtcp()).isEmpty();
    }

    @Test
    @DisplayName("a built description needs no parser to be valid: records refuse line breaks")
    void recordsRefuseLineBreaks() {
        assertThatThrownBy(() -> new Attribute("tool", "x\r\nm=video 1 RTP/AVP 0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaDescription.audio(70000, "RTP/AVP", List.of("0"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
