package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import dev.ataemu.media.codec.cn.ComfortNoise;
import dev.ataemu.media.codec.g711.Pcma;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.codec.g722.G722;
import dev.ataemu.media.codec.g726.G726;
import dev.ataemu.media.codec.g726.G726Packing;
import dev.ataemu.media.codec.g726.G726Rate;
import dev.ataemu.media.codec.ilbc.Ilbc;
import dev.ataemu.media.codec.ilbc.IlbcMode;
import dev.ataemu.media.codec.opus.Opus;
import dev.ataemu.media.codec.opus.OpusStreamDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * The far end's payload bytes in every codec the device decodes, as a call's media stream hands
 * them over: a payload from one RTP datagram, decoded into the stream's one-second buffer, with
 * lost packets concealed in between.
 */
class CodecPayloadFuzzTest {

    /** The largest datagram the RTP session reads, less the fixed RTP header. */
    private static final int MAX_PAYLOAD = 2048 - 12;

    private static final List<Codec> CODECS = codecs();

    /** The first byte picks the codec, the rest is the payload of one datagram. */
    @DisplayName("MEDIA-01 MEDIA-02 any payload in any codec decodes into the stream's buffer, before and after a loss is concealed")
    @FuzzTest
    void payload(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Codec codec = CODECS.get((input[0] & 0xFF) % CODECS.size());
        byte[] payload = Arrays.copyOfRange(input, 1, Math.min(input.length, 1 + MAX_PAYLOAD));
        Codec.Decoder decoder = codec.newDecoder();
        short[] decoded = new short[Audio.SAMPLE_RATE];
        assertThat(decoder.decode(payload, 0, payload.length, decoded, 0)).as(codec.encodingName()).isBetween(0, decoded.length);
        assertThat(decoder.conceal(decoded, 0, Audio.FRAME_SAMPLES)).isEqualTo(Audio.FRAME_SAMPLES);
        assertThat(decoder.decode(payload, 0, payload.length, decoded, 0)).as(codec.encodingName()).isBetween(0, decoded.length);
        if (decoder instanceof OpusStreamDecoder opus) {
            // The FEC copy inside the next packet fills a gap before it.
            assertThat(opus.recover(payload, 0, payload.length, decoded, 0, Audio.FRAME_SAMPLES)).isBetween(0, decoded.length);
        }
    }

    private static List<Codec> codecs() {
        List<Codec> codecs = new ArrayList<>(List.of(new Pcmu(), new Pcma(), new G722(), new ComfortNoise(),
                new Ilbc(IlbcMode.MS_20), new Ilbc(IlbcMode.MS_30), new Opus()));
        for (G726Rate rate : G726Rate.values()) {
            for (G726Packing packing : G726Packing.values()) {
                codecs.add(new G726(rate, packing));
            }
        }
        return List.copyOf(codecs);
    }
}
