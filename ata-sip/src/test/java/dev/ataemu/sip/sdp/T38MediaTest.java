package dev.ataemu.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class T38MediaTest {

    private static final MediaAddress LOCAL = new MediaAddress("192.0.2.10", 5004);

    private static SessionDescription parse(String text) throws Exception {
        return SessionDescription.parse(text.replace("\n", "\r\n"));
    }

    @Test
    @DisplayName("CALL-41 the T.38 offer: m=image udptl t38 on the call's port with the fax attributes")
    void offer() {
        SdpSession session = new SdpSession("-", "42", 1, "192.0.2.10");

        String offer = T38Media.offer(session, LOCAL).format();

        assertThat(offer).contains("c=IN IP4 192.0.2.10\r\n", "m=image 5004 udptl t38\r\n", "a=T38FaxVersion:0\r\n",
                "a=T38MaxBitRate:14400\r\n", "a=T38FaxRateManagement:transferredTCF\r\n", "a=T38FaxMaxBuffer:2000\r\n",
                "a=T38FaxMaxDatagram:400\r\n", "a=T38FaxUdpEC:t38UDPRedundancy\r\n");
        assertThat(offer).doesNotContain("m=audio");
    }

    @Test
    @DisplayName("CALL-40 a far end's switch to T.38 is answered on our port, the audio refused, the lower rate agreed")
    void answersAnOffer() throws Exception {
        SessionDescription offer = parse("""
                v=0
                o=pbx 1 2 IN IP4 198.51.100.1
                s=-
                c=IN IP4 198.51.100.1
                t=0 0
                m=audio 0 RTP/AVP 0
                m=image 40000 udptl t38
                a=t38faxversion:1
                a=T38MaxBitRate:9600
                a=T38FaxRateManagement:localTCF
                a=T38FaxUdpEC:t38UDPRedundancy
                """);
        SdpSession session = new SdpSession("-", "42", 1, "192.0.2.10");

        T38Media.Answer answer = T38Media.answer(offer, session, LOCAL).orElseThrow();

        assertThat(answer.agreed()).isEqualTo(new T38Media.Agreed(new MediaAddress("198.51.100.1", 40000), 0, 9600));
        assertThat(answer.description().format()).contains("m=audio 0 RTP/AVP 0\r\n", "m=image 5004 udptl t38\r\n",
                "a=T38MaxBitRate:9600\r\n", "a=T38FaxRateManagement:localTCF\r\n");
        assertThat(T38Media.offered(offer)).isTrue();
    }

    @Test
    @DisplayName("CALL-40 an answer that refuses the image stream (port 0), or an audio-only one, agrees no T.38")
    void refusedAnswers() throws Exception {
        SessionDescription refused = parse("""
                v=0
                o=pbx 1 2 IN IP4 198.51.100.1
                s=-
                c=IN IP4 198.51.100.1
                t=0 0
                m=image 0 udptl t38
                """);
        SessionDescription audio = parse("""
                v=0
                o=pbx 1 2 IN IP4 198.51.100.1
                s=-
                c=IN IP4 198.51.100.1
                t=0 0
                m=audio 4000 RTP/AVP 0
                """);

        assertThat(T38Media.readAnswer(refused)).isEmpty();
        assertThat(T38Media.readAnswer(audio)).isEmpty();
        assertThat(T38Media.offered(audio)).isFalse();
        assertThat(T38Media.answer(audio, new SdpSession("-", "1", 1, "192.0.2.10"), LOCAL)).isEmpty();
    }
}
