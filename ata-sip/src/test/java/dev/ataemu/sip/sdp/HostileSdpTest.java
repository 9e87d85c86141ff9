package dev.ataemu.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Hostile SDP: nothing but SdpParseException, and negotiation never fails on what parses")
class HostileSdpTest {

    private static final String HEAD = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";
    private static final MediaPreferences PREFERENCES = MediaPreferences.of(List.of(PayloadFormat.of(Samples.PCMU),
            PayloadFormat.of(Samples.PCMA), new PayloadFormat(123, Samples.OPUS)))
            .withSrtp(SrtpMode.ENABLED_NOT_FORCED, true);

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", "empty session description"),
                Arguments.of("missing v=", "o=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n", "starts with v=0"),
                Arguments.of("version 1", "v=1\r\no=- 1 1 IN IP4 192.0.2.1\r\n", "starts with v=0"),
                Arguments.of("missing o=", "v=0\r\ns=-\r\nt=0 0\r\n", "no o= line"),
                Arguments.of("short o=", "v=0\r\no=- 1 IN IP4 192.0.2.1\r\n", "six fields"),
                Arguments.of("version not a number", "v=0\r\no=- 1 x IN IP4 192.0.2.1\r\n", "not a number"),
                Arguments.of("version over 64 bits", "v=0\r\no=- 1 99999999999999999999 IN IP4 a\r\n", "64 bits"),
                Arguments.of("m-line without protocol", HEAD + "m=audio 4000\r\n", "media, port and protocol"),
                Arguments.of("absurd port", HEAD + "m=audio 70000 RTP/AVP 0\r\n", "outside 0 to 65535"),
                Arguments.of("negative port", HEAD + "m=audio -1 RTP/AVP 0\r\n", "outside 0 to 65535"),
                Arguments.of("huge port", HEAD + "m=audio 99999999999999999999 RTP/AVP 0\r\n", "outside 0 to 65535"),
                Arguments.of("port count zero", HEAD + "m=audio 4000/0 RTP/AVP 0\r\n", "port count"),
                Arguments.of("two c= lines", HEAD + "c=IN IP4 192.0.2.2\r\n", "a second c="),
                Arguments.of("bad c=", "v=0\r\no=- 1 1 IN IP4 a\r\nc=IN IP4\r\n", "three fields"),
                Arguments.of("unknown type", HEAD + "x=1\r\n", "unknown line type"),
                Arguments.of("session line after m=", HEAD + "m=audio 1 RTP/AVP 0\r\nt=0 0\r\n", "not allowed after an m= line"),
                Arguments.of("not a line", HEAD + "hello\r\n", "not a <type>=<value> line"),
                Arguments.of("upper-case type", HEAD + "A=sendrecv\r\n", "not a <type>=<value> line"),
                Arguments.of("NUL in a value", HEAD + "a=tool:x\u0000y\r\n", "control character 0"),
                Arguments.of("empty attribute", HEAD + "a=\r\n", "malformed attribute name"),
                Arguments.of("too many formats", HEAD + "m=audio 1 RTP/AVP" + " 0".repeat(200) + "\r\n", "formats"),
                Arguments.of("too many m-lines", HEAD + "m=audio 1 RTP/AVP 0\r\n".repeat(40), "m= lines"),
                Arguments.of("10k lines", HEAD + "a=x\r\n".repeat(10_000), "lines"),
                Arguments.of("huge line", HEAD + "a=tool:" + "x".repeat(10_000) + "\r\n", "longer than"),
                Arguments.of("huge body", HEAD + ("a=tool:" + "x".repeat(4000) + "\r\n").repeat(20), "exceeds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @DisplayName("malformed descriptions are refused with the reason")
    void refusesMalformed(String name, String text, String reason) {
        assertThatThrownBy(() -> SessionDescription.parse(text)).isInstanceOf(SdpParseException.class).hasMessageContaining(reason);
    }

    @Test
    @DisplayName("null is refused like any other unreadable body")
    void refusesNull() {
        assertThatThrownBy(() -> SessionDescription.parse(null)).isInstanceOf(SdpParseException.class);
    }

    @Test
    @DisplayName("random bytes, decoded as a SIP stack would, only ever raise SdpParseException")
    void randomBytes() {
        Random random = new Random(4566);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            String text = (i % 2 == 0 ? "v=0\r\n" : "") + new String(bytes, StandardCharsets.ISO_8859_1);
            readAndNegotiate(text);
        }
    }

    @Test
    @DisplayName("mutated real-world descriptions parse or fail cleanly, and whatever parses negotiates without error")
    void mutatedSamples() {
        Random random = new Random(3264);
        String alphabet = "v=o s c t m a 0 1 9 / : . - RTP/AVP RTP/SAVP \r\n\t 65535 99999 crypto rtpmap fmtp rtcp ptime 0.0.0.0 :: ";
        List<String> samples = Samples.all().map(arguments -> (String) arguments.get()[1]).toList();
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(samples.get(random.nextInt(samples.size())));
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> text.setCharAt(at, (char) random.nextInt(128));
                    default -> text.delete(at, Math.min(text.length(), at + random.nextInt(40)));
                }
            }
            parsed += readAndNegotiate(text.toString()) ? 1 : 0;
        }
        assertThat(parsed).as("enough mutants parse to exercise negotiation").isGreaterThan(2_000);
    }

    @Test
    @DisplayName("a 10k-line body is refused quickly")
    void tenThousandLinesAreCheap() {
        String text = HEAD + "a=rtpmap:0 PCMU/8000\r\n".repeat(10_000);
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> SessionDescription.parse(text)).isInstanceOf(SdpParseException.class);
        }
        assertThat((System.nanoTime() - start) / 50 / 1_000_000).as("milliseconds per parse").isLessThan(20);
    }

    /** Parses; on success answers it, reads it as an answer to our offer and writes it back. */
    private static boolean readAndNegotiate(String text) {
        SessionDescription description;
        try {
            description = SessionDescription.parse(text);
        } catch (SdpParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        }
        assertThat(Samples.parse(description.format())).isEqualTo(description);
        new AnswerBuilder(PREFERENCES, new SecureRandom())
                .answer(description, new SdpSession("1000", "1", 1, "192.168.1.50"), new MediaAddress("192.168.1.50", 5004), false);
        Offer offer = new OfferBuilder(PREFERENCES, new SecureRandom())
                .offer(new SdpSession("1000", "1", 1, "192.168.1.50"), new MediaAddress("192.168.1.50", 5004), false);
        try {
            offer.readAnswer(description);
        } catch (SdpNegotiationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        return true;
    }
}
