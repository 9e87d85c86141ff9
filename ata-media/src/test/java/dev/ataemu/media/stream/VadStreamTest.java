package dev.ataemu.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.codec.cn.ComfortNoise;
import dev.ataemu.media.codec.g711.Pcmu;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.rtp.RtpSession;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "VAD" (P50) on a live stream: silences go out as comfort-noise descriptors and come back as noise. */
class VadStreamTest {

    private static final double BACKGROUND_DBM0 = -60;

    @Test
    @DisplayName("MEDIA-15 MEDIA-21 with VAD on a quiet line sends a few CN descriptors, the far end plays noise at its level, and speech comes back")
    void silenceGoesOutAsComfortNoise() throws Exception {
        try (LoopbackCall call = new LoopbackCall()) {
            RtpSession[] pair = call.connectedPair();
            RtpSession a = pair[0];
            RtpSession b = pair[1];
            MediaStream.Config config = MediaStream.Config.of(new Pcmu(), 0, 20, 101)
                    .withComfortNoise(ComfortNoise.PAYLOAD_TYPE);
            MediaStream alice = new MediaStream(a, config);
            MediaStream bob = new MediaStream(b, config);
            alice.start(call.transport.pacer());
            bob.start(call.transport.pacer());
            Switch mouth = new Switch(new WhiteNoise(BACKGROUND_DBM0));
            call.line(alice, mouth);
            List<short[]> bobHears = call.line(bob, AudioSource.SILENCE);

            Thread.sleep(2000);
            long sentInSilence = alice.rtpStatistics().packetsSent();
            int frames = bobHears.size();
            short[] quiet = LoopbackCall.join(bobHears, frames - 50, frames);
            double noiseLevel = Audio.dbm0OfRms(Audio.rms(quiet, 0, quiet.length));

            mouth.to(new ToneGenerator(ToneSpec.parse("f1=1000@-15,c=0/0;")));
            Thread.sleep(1000);
            frames = bobHears.size();
            short[] speech = LoopbackCall.join(bobHears, frames - 25, frames);
            double toneLevel = Goertzel.levelDbm0(speech, 0, speech.length, 1000);

            System.out.printf("VAD: %d packets in 2 s of silence, noise heard at %.1f dBm0, tone at %.1f dBm0%n",
                    sentInSilence, noiseLevel, toneLevel);
            assertThat(sentInSilence).as("descriptors instead of 100 voice packets").isBetween(1L, 5L);
            assertThat(noiseLevel).as("comfort noise at the sender's background level").isCloseTo(BACKGROUND_DBM0, within(3.0));
            assertThat(toneLevel).isCloseTo(-15, within(1.0));
            assertThat(alice.rtpStatistics().packetsSent() - sentInSilence).as("speech goes out as voice")
                    .isGreaterThan(40);
        }
    }

    private static final class Switch implements AudioSource {
        private volatile AudioSource current;

        Switch(AudioSource first) {
            current = first;
        }

        void to(AudioSource next) {
            current = next;
        }

        @Override
        public void read(short[] frame) {
            current.read(frame);
        }
    }

    private static final class WhiteNoise implements AudioSource {
        private final Random random = new Random(7);
        private final double rms;

        WhiteNoise(double dbm0) {
            rms = Audio.sineAmplitude(dbm0) / Math.sqrt(2);
        }

        @Override
        public void read(short[] frame) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = Audio.clip(rms * random.nextGaussian());
            }
        }
    }
}
