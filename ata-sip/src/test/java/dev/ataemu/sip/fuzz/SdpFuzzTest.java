package dev.ataemu.sip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.codec.g711.Pcma;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.codec.g722.G722;
import dev.ataemu.media.codec.opus.Opus;
import dev.ataemu.sip.sdp.AnswerBuilder;
import dev.ataemu.sip.sdp.AnswerOutcome;
import dev.ataemu.sip.sdp.MediaAddress;
import dev.ataemu.sip.sdp.MediaPreferences;
import dev.ataemu.sip.sdp.Offer;
import dev.ataemu.sip.sdp.OfferBuilder;
import dev.ataemu.sip.sdp.PayloadFormat;
import dev.ataemu.sip.sdp.SdpNegotiationException;
import dev.ataemu.sip.sdp.SdpParseException;
import dev.ataemu.sip.sdp.SdpSession;
import dev.ataemu.sip.sdp.SessionDescription;
import dev.ataemu.sip.sdp.SrtpMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Session descriptions as a peer sends them, offer or answer: the device's own SDP parser, its
 * writer, and the offer/answer negotiation that runs on what parses.
 */
class SdpFuzzTest {

    private static final MediaAddress LOCAL = new MediaAddress("192.168.1.50", 5004);
    private static final MediaPreferences PREFERENCES = MediaPreferences.of(List.of(PayloadFormat.of(new Pcmu()),
            PayloadFormat.of(new Pcma()), PayloadFormat.of(new G722()), new PayloadFormat(123, new Opus())))
            .withSrtp(SrtpMode.ENABLED_NOT_FORCED, true);
    private static final SecureRandom RANDOM = new SecureRandom();

    @DisplayName("MEDIA-28 an SDP body parses, writes back to itself and negotiates as offer and as answer, or is refused")
    @FuzzTest
    void description(byte[] body) {
        SessionDescription description;
        try {
            description = SessionDescription.parse(new String(body, StandardCharsets.UTF_8));
        } catch (SdpParseException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(reparse(description.format())).isEqualTo(description);
        SdpSession session = new SdpSession("1000", "8000", 8000, LOCAL.address());
        AnswerOutcome answer = new AnswerBuilder(PREFERENCES, RANDOM).answer(description, session, LOCAL, false);
        if (answer instanceof AnswerOutcome.Accepted accepted) {
            // Our answer is itself a description a peer can read.
            assertThat(reparse(accepted.answer().format())).isEqualTo(accepted.answer());
        }
        Offer offer = new OfferBuilder(PREFERENCES, RANDOM).offer(session, LOCAL, false);
        try {
            offer.readAnswer(description);
        } catch (SdpNegotiationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private static SessionDescription reparse(String text) {
        try {
            return SessionDescription.parse(text);
        } catch (SdpParseException e) {
            throw new AssertionError("the device cannot read what it wrote: " + e.getMessage() + "\n" + text, e);
        }
    }
}
