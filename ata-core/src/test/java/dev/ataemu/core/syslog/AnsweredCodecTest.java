package dev.ataemu.core.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnsweredCodecTest {

    @Test
    @DisplayName("LOG-12 the codec of an answer: a static payload type by its number, a dynamic one by its rtpmap")
    void codecOfAnAnswer() {
        assertThat(AnsweredCodec.of("v=0\r\nm=audio 5004 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"))
                .contains("PCMU");
        assertThat(AnsweredCodec.of("v=0\r\nm=audio 5004 RTP/SAVP 123 101\r\na=rtpmap:123 opus/48000/2\r\n"))
                .contains("opus");
        assertThat(AnsweredCodec.of("v=0\r\nm=video 5006 RTP/AVP 96\r\n")).isEmpty();
    }
}
